namespace LibvirtNested.Interop;

/// <summary>
/// <see cref="LibvirtConnectionOptions"/>' keepalive settings, validated, and the two steps that apply them: the
/// event loop before the open (libvirt decides at open time whether a connection can use it), then
/// <c>virConnectSetKeepAlive</c> after it.
/// </summary>
/// <param name="IntervalSeconds">Whole seconds; 0 when keepalive is off.</param>
/// <param name="Count">Unanswered messages before the connection is closed.</param>
internal readonly record struct KeepAliveSettings(int IntervalSeconds, int Count)
{
    /// <summary>Whether keepalive is on.</summary>
    internal bool Enabled => IntervalSeconds > 0;

    /// <summary>Reads and checks the options (null: the defaults).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is negative or not whole seconds, or the count is negative.</exception>
    internal static KeepAliveSettings From(LibvirtConnectionOptions? options)
    {
        var interval = options?.KeepAliveInterval ?? LibvirtConnectionOptions.DefaultKeepAliveInterval;
        var count = options?.KeepAliveCount ?? LibvirtConnectionOptions.DefaultKeepAliveCount;
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), count, "LibvirtConnectionOptions.KeepAliveCount must not be negative.");
        }

        if (interval == TimeSpan.Zero || interval == Timeout.InfiniteTimeSpan)
        {
            return new(0, count);
        }

        if (interval < TimeSpan.Zero || interval.Ticks % TimeSpan.TicksPerSecond != 0 || interval.TotalSeconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                interval,
                "LibvirtConnectionOptions.KeepAliveInterval: libvirt counts the keepalive interval in whole seconds: use 1 s or more, or TimeSpan.Zero / Timeout.InfiniteTimeSpan to turn keepalive off.");
        }

        return new((int)interval.TotalSeconds, count);
    }

    /// <summary>
    /// Whether <paramref name="uri"/> is served inside this process (the <c>test</c> driver without a transport),
    /// so that it has neither keepalive nor a socket to watch. Everything else goes through a daemon's socket.
    /// </summary>
    internal static bool IsInProcess(string uri) => !LibvirtEventLoop.UsesLoop(uri);

    /// <summary>
    /// Takes a lease on the library's event loop before a daemon's connection that uses keepalive (or, with
    /// <paramref name="watchSocket"/>, any daemon's connection) is opened: libvirt decides at open time whether the
    /// connection can use the loop, and the loop must then run for as long as the connection is open.
    /// </summary>
    /// <returns>Whether a lease was taken (the caller hands it to the connection's handle or returns it).</returns>
    /// <exception cref="LibvirtEventLoopException">The event loop could not be registered.</exception>
    internal bool AcquireEventLoop(string uri, bool watchSocket)
    {
        if ((!Enabled && !watchSocket) || IsInProcess(uri))
        {
            return false;
        }

        LibvirtEventLoop.Acquire();
        return true;
    }

    /// <summary><c>virConnectSetKeepAlive</c> on a freshly opened connection; a driver without keepalive is not an error.</summary>
    /// <exception cref="LibvirtException">libvirt refused the settings.</exception>
    internal void Apply(ConnectHandle connection, string uri)
    {
        if (!Enabled || IsInProcess(uri))
        {
            return;
        }

        // 1 means the daemon predates keepalive: nothing to do but carry on without it.
        var call = LibvirtCall.Begin(nameof(Libvirt.virConnectSetKeepAlive));
        if (Libvirt.virConnectSetKeepAlive(connection, IntervalSeconds, (uint)Count) < 0)
        {
            var exception = call.Fail();
            if (exception.Code == LibvirtError.VIR_ERR_NO_SUPPORT)
            {
                // Drivers that run in this process without a socket (esx, hyperv, qemu:///embed) have no keepalive.
                return;
            }

            throw exception;
        }

        call.Succeeded();
    }
}
