using LibvirtNested.Diagnostics;
using LibvirtNested.Interop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibvirtNested;

/// <summary>
/// A connection that comes back: it holds one <see cref="LibvirtConnection"/>, and when libvirt reports that it broke
/// (<c>virConnectRegisterCloseCallback</c>: the daemon exited, crashed, or stopped answering keepalive) it raises
/// <see cref="Disconnected"/>, reopens the same URI with exponential backoff (<see cref="LibvirtConnectionOptions.ReconnectDelay"/>
/// up to <see cref="LibvirtConnectionOptions.ReconnectMaxDelay"/>), registers every live event stream again and
/// raises <see cref="Reconnected"/>. Opt-in: <see cref="LibvirtConnection"/> itself never reconnects.
/// </summary>
/// <remarks>
/// <para>Calls: take <see cref="Connection"/> for each operation; while the connection is down it throws
/// <see cref="LibvirtConnectionLostException"/> at once (fail fast), and <see cref="GetConnectionAsync"/> waits for
/// the next connection instead. A call already running when the daemon goes away fails with
/// <see cref="LibvirtConnectionLostException"/> from libvirt. Do not keep the <see cref="LibvirtConnection"/> across
/// operations: a lost one is disposed, and its methods then throw <see cref="LibvirtConnectionLostException"/>.
/// Objects obtained from it (domains, networks) belong to the lost connection too: look them up again.</para>
/// <para>Events: the streams of <see cref="WatchDomainLifecycleAsync"/> and <see cref="WatchAsync"/> survive
/// reconnects. When the connection breaks, a stream yields the events it still held, then a
/// <see cref="ConnectionClosedEvent"/>; when it is back, a <see cref="ReconnectedEvent"/> with a fresh snapshot of the
/// domain states it watches, then the new connection's events. Events while the daemon was down are not replayed
/// (libvirt keeps none): resync from the snapshot.</para>
/// <para>Thread-safe. Dispose ends the reconnect attempts, completes every stream and closes the connection.</para>
/// </remarks>
public sealed class ResilientLibvirtConnection : IDisposable
{
    private readonly string uri;
    private readonly LibvirtConnectionOptions options;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly CancellationTokenSource disposing = new();
    private readonly List<ResilientWatch> watches = [];
    private LibvirtConnection? current;
    private long generation;
    private TaskCompletionSource<LibvirtConnection> connected = NewSignal();
    private bool disposed;

    private ResilientLibvirtConnection(string uri, LibvirtConnectionOptions options)
    {
        this.uri = uri;
        this.options = options;
        logger = options.LoggerFactory?.CreateLogger(LibvirtLog.Category) ?? NullLogger.Instance;
    }

    /// <summary>Raised on the thread pool when libvirt reports the connection broke, before reconnecting starts.</summary>
    /// <remarks>Handler exceptions are caught and dropped; the sender is this object.</remarks>
    public event EventHandler<ConnectionClosedEvent>? Disconnected;

    /// <summary>
    /// Raised on the thread pool when the connection is open again and every stream was registered again; its
    /// <see cref="ReconnectedEvent.Domains"/> holds every domain's state (read only when there is a handler).
    /// </summary>
    /// <remarks>Handler exceptions are caught and dropped; the sender is this object.</remarks>
    public event EventHandler<ReconnectedEvent>? Reconnected;

    /// <summary>Whether a live connection is held now (false from the reported break until the reopen succeeds).</summary>
    public bool IsConnected
    {
        get
        {
            lock (gate)
            {
                return current is not null;
            }
        }
    }

    /// <summary>How many times the connection was opened again after a break.</summary>
    public long Reconnects
    {
        get
        {
            lock (gate)
            {
                return Math.Max(generation - 1, 0);
            }
        }
    }

    /// <summary>The current connection, for one operation; fails fast while the connection is down.</summary>
    /// <exception cref="LibvirtConnectionLostException">The connection broke and is not open again yet.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    public LibvirtConnection Connection
    {
        get
        {
            lock (gate)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                return current ?? throw new LibvirtConnectionLostException(
                    $"The connection to {uri} is lost and being reopened; GetConnectionAsync waits for it.");
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="uri"/> (<c>virConnectOpen</c>, with keepalive and the close callback as
    /// <see cref="LibvirtConnection.Open(string, LibvirtConnectionOptions?)"/>); this first open does not retry, so a
    /// wrong URI or missing daemon is reported at once.
    /// </summary>
    /// <param name="uri">A libvirt URI served by a daemon, such as <c>qemu:///system</c> or <c>qemu+ssh://host/system</c>.</param>
    /// <param name="options">Keepalive and reconnect settings, read again at every reopen; <see langword="null"/> for the defaults.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (keepalive as for <see cref="LibvirtConnection.Open(string, LibvirtConnectionOptions?)"/>; a reconnect delay not positive, or a maximum below the first delay).</exception>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 is not installed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtConnectionFailedException">The daemon cannot be reached, or the URI is not valid.</exception>
    /// <exception cref="LibvirtAuthenticationException">The daemon refused the credentials.</exception>
    /// <exception cref="LibvirtException">libvirt refused the keepalive settings or the close callback.</exception>
    public static ResilientLibvirtConnection Open(string uri, LibvirtConnectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        // Kept, not copied, so that every setting of the options (also those this class does not know) applies to every reopen.
        var settings = options ?? new LibvirtConnectionOptions();
        if (settings.ReconnectDelay <= TimeSpan.Zero || settings.ReconnectMaxDelay < settings.ReconnectDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ReconnectDelay must be positive and ReconnectMaxDelay at least ReconnectDelay.");
        }

        // The event loop must watch the socket even with keepalive off: a daemon's exit is noticed by its end-of-file.
        var resilient = new ResilientLibvirtConnection(uri, settings);
        resilient.Adopt(LibvirtConnection.Open(uri, settings, watchSocket: true));
        return resilient;
    }

    /// <summary>The current connection, waiting for the reopen while the connection is down.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed, before or during the wait.</exception>
    public Task<LibvirtConnection> GetConnectionAsync(CancellationToken cancellationToken = default)
    {
        Task<LibvirtConnection> signal;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            signal = connected.Task;
        }

        return signal.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Streams domain lifecycle events like <see cref="LibvirtConnection.WatchDomainLifecycleAsync(string?, CancellationToken)"/>
    /// (<c>virConnectDomainEventRegisterAny</c>), across reconnects: <see cref="ConnectionClosedEvent"/> when the
    /// connection breaks, <see cref="ReconnectedEvent"/> (with the watched domains' states) when it is back.
    /// </summary>
    /// <param name="domainName">Only this domain's events; <see langword="null"/> for every domain.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>The events; registered by this call when connected (otherwise at the reopen). Enumerate it once.</returns>
    /// <exception cref="ArgumentException"><paramref name="domainName"/> contains a NUL character.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">Another libvirt event implementation is registered in this process.</exception>
    public IAsyncEnumerable<LibvirtEvent> WatchDomainLifecycleAsync(string? domainName = null, CancellationToken cancellationToken = default)
    {
        CheckedUtf8StringMarshaller.EnsureNoNul(domainName, nameof(domainName));
        return Watch((connection, token) => connection.WatchDomainLifecycleAsync(domainName, token), domainName, cancellationToken);
    }

    /// <summary>
    /// Keeps any <see cref="LibvirtConnection"/> event stream alive across reconnects: <paramref name="subscribe"/> is
    /// called now (when connected) and again on every reopened connection, and its streams are joined into one, with a
    /// <see cref="ReconnectedEvent"/> (every domain's state) between two connections.
    /// </summary>
    /// <param name="subscribe">Opens the stream on a connection, registering at the call as every <c>Watch…Async</c> of <see cref="LibvirtConnection"/> does, e.g. <c>(connection, token) =&gt; connection.WatchDomainLifecycleAsync("guest", token)</c>.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>The joined events. Enumerate it once.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">Another libvirt event implementation is registered in this process.</exception>
    /// <remarks>An exception <paramref name="subscribe"/> throws other than a <see cref="LibvirtException"/> ends the stream with that exception.</remarks>
    public IAsyncEnumerable<LibvirtEvent> WatchAsync(Func<LibvirtConnection, CancellationToken, IAsyncEnumerable<LibvirtEvent>> subscribe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        return Watch(subscribe, null, cancellationToken);
    }

    /// <summary>Stops reconnecting, completes every stream and closes the connection (<c>virConnectClose</c>). Idempotent.</summary>
    public void Dispose()
    {
        LibvirtConnection? connection;
        ResilientWatch[] open;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            connection = current;
            current = null;
            open = [.. watches];
            watches.Clear();
            connected.TrySetException(new ObjectDisposedException(nameof(ResilientLibvirtConnection)));
        }

        disposing.Cancel();
        foreach (var watch in open)
        {
            watch.Close();
        }

        if (connection is not null)
        {
            connection.Closed -= OnClosed;
            connection.Dispose();
        }

        disposing.Dispose();
    }

    /// <summary>Forgets a stream whose consumer disposed it.</summary>
    internal void Remove(ResilientWatch watch)
    {
        lock (gate)
        {
            watches.Remove(watch);
        }
    }

    /// <summary>The states of <paramref name="domainName"/>, or of every domain (<c>virConnectListAllDomains</c>, <c>virDomainGetState</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed (the connection broke again).</exception>
    internal static IReadOnlyList<DomainStateSnapshot> Snapshot(LibvirtConnection connection, string? domainName)
    {
        if (domainName is not null)
        {
            if (!connection.TryGetDomain(domainName, out var domain))
            {
                return [];
            }

            using (domain)
            {
                return TrySnapshot(domain) is { } one ? [one] : [];
            }
        }

        var states = new List<DomainStateSnapshot>();
        foreach (var domain in connection.ListDomains())
        {
            using (domain)
            {
                if (TrySnapshot(domain) is { } one)
                {
                    states.Add(one);
                }
            }
        }

        return states;
    }

    private static DomainStateSnapshot? TrySnapshot(LibvirtDomain domain)
    {
        try
        {
            return new DomainStateSnapshot { DomainName = domain.Name, DomainUuid = domain.Uuid.ToString("D"), State = domain.GetState() };
        }
        catch (LibvirtNotFoundException)
        {
            // Undefined between the listing and the read: not part of the snapshot.
            return null;
        }
    }

    private static TaskCompletionSource<LibvirtConnection> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void Raise<T>(EventHandler<T>? handlers, object sender, T argument)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<T>>())
        {
            try
            {
                handler(sender, argument);
            }
#pragma warning disable CA1031 // A service's handler must not stop the reconnect machinery nor the other handlers.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private ResilientWatch Watch(Func<LibvirtConnection, CancellationToken, IAsyncEnumerable<LibvirtEvent>> subscribe, string? domainName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var watch = new ResilientWatch(this, subscribe, domainName, cancellationToken);
        LibvirtConnection? connection;
        long connectedGeneration;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            watches.Add(watch);
            connection = current;
            connectedGeneration = generation;
        }

        if (connection is not null)
        {
            // Registered now, so that no event between this call and the first read is missed.
            try
            {
                watch.Attach(connection, connectedGeneration, reconnected: null);
            }
            catch (LibvirtEventLoopException)
            {
                Remove(watch);
                throw;
            }
        }

        return watch;
    }

    /// <summary>Makes <paramref name="connection"/> the current one and listens for its close.</summary>
    private long Adopt(LibvirtConnection connection)
    {
        long adopted;
        lock (gate)
        {
            current = connection;
            adopted = ++generation;
            connected.TrySetResult(connection);
        }

        // After current is set: a connection that broke already is reported at once and handled like any other.
        connection.Closed += OnClosed;
        return adopted;
    }

    private void OnClosed(object? sender, ConnectionClosedEvent closed)
    {
        lock (gate)
        {
            if (disposed || sender is null || !ReferenceEquals(sender, current))
            {
                return;
            }

            current = null;
            connected = NewSignal();
        }

        var lost = (LibvirtConnection)sender;
        lost.Closed -= OnClosed;
        LibvirtLog.Disconnected(logger, uri, closed.Reason.ToString());
        Raise(Disconnected, this, closed);

        // Its streams end on their own (each yields the close); its calls now throw connection-lost, not disposed.
        lost.DisposeAsLost();
        _ = ReconnectAsync(closed.Timestamp);
    }

    private async Task ReconnectAsync(DateTimeOffset since)
    {
        // Read now, not only at Open: the options object is the caller's and may have changed since.
        var delay = options.ReconnectDelay > TimeSpan.Zero ? options.ReconnectDelay : TimeSpan.FromSeconds(1);
        var maxDelay = options.ReconnectMaxDelay >= delay ? options.ReconnectMaxDelay : delay;
        CancellationToken token;
        try
        {
            token = disposing.Token;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        var attempt = 0;
        while (!token.IsCancellationRequested)
        {
            attempt++;
            var wait = Jitter(delay);
            LibvirtLog.Reconnecting(logger, uri, attempt, wait);
            try
            {
                await Task.Delay(wait, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            LibvirtConnection fresh;
            try
            {
                fresh = LibvirtConnection.Open(uri, options, watchSocket: true);
            }
            catch (Exception e) when (e is LibvirtException or ArgumentException)
            {
                var code = (e as LibvirtException)?.Code ?? 0;
                LibvirtDiagnostics.ReconnectAttempted(succeeded: false);
                LibvirtLog.ReconnectFailed(logger, uri, attempt, code, LibvirtErrorNames.Code(code));
                // ArgumentException: options changed since Open to values Open refuses; retrying keeps the stream waiting
                // rather than ending it silently, and a corrected value is picked up by the next attempt.
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, maxDelay.Ticks));
                continue;
            }

            lock (gate)
            {
                if (disposed)
                {
                    fresh.Dispose();
                    return;
                }
            }

            var adopted = Adopt(fresh);
            LibvirtDiagnostics.ReconnectAttempted(succeeded: true);
            LibvirtLog.Reconnected(logger, uri, attempt);
            var reconnected = new ReconnectedEvent { Domains = [], Downtime = DateTimeOffset.UtcNow - since, Reconnects = adopted - 1, Timestamp = DateTimeOffset.UtcNow };
            ResilientWatch[] open;
            lock (gate)
            {
                open = [.. watches];
            }

            foreach (var watch in open)
            {
                watch.Attach(fresh, adopted, reconnected);
            }

            if (Reconnected is { } handlers)
            {
                try
                {
                    Raise(handlers, this, reconnected with { Domains = Snapshot(fresh, null) });
                }
                catch (LibvirtException)
                {
                    // Broke again while reading the snapshot: the next close and reopen report themselves.
                }
            }

            return;
        }
    }

    /// <summary>±20 %, so that the clients of one restarted daemon spread their reconnects.</summary>
    private static TimeSpan Jitter(TimeSpan delay) => delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
}
