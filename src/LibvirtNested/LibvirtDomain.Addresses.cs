using LibvirtNested.Interop;

namespace LibvirtNested;

/// <content>Guest addresses.</content>
public sealed partial class LibvirtDomain
{
    private const int VIR_ERR_AGENT_UNRESPONSIVE = 86;
    private const int VIR_ERR_AGENT_UNSYNCED = 97;

    /// <summary>The guest's interfaces and addresses (<c>virDomainInterfaceAddresses</c>, <c>virsh domifaddr</c>).</summary>
    /// <param name="source">DHCP leases, the guest agent or the host's ARP table.</param>
    /// <returns>The interfaces with their addresses.</returns>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running.</exception>
    /// <exception cref="LibvirtException">libvirt failed, e.g. the guest agent is not responding (code 86).</exception>
    public IReadOnlyList<DomainInterfaceAddresses> GetInterfaceAddresses(DomainAddressSource source = DomainAddressSource.Lease) =>
        LibvirtProxy.InterfaceAddresses(Handle, LibvirtFlags.AddressSource(source));

    /// <summary>
    /// Polls <see cref="GetInterfaceAddresses"/> until every interface of the running domain (or each one named in
    /// <see cref="DomainAddressWaitOptions.Interfaces"/>) has an address: the replacement for scanning the
    /// network with <c>nmap -sP</c> to find a new guest. A domain event polls at once instead of waiting out the
    /// interval: the guest agent connecting (<c>VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE</c>, the moment
    /// <see cref="DomainAddressSource.Agent"/> can answer) or a lifecycle change (<c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>).
    /// DHCP leases have no domain event, so the interval stays the fallback.
    /// </summary>
    /// <param name="timeout">
    /// How long to wait in total: <see cref="Timeout.InfiniteTimeSpan"/> (or <see cref="TimeSpan.MaxValue"/>) waits until
    /// the addresses appear or <paramref name="cancellationToken"/> is cancelled; <see cref="TimeSpan.Zero"/> polls once.
    /// </param>
    /// <param name="options">Source, interfaces, poll interval (clamped to
    /// <see cref="DomainAddressWaitOptions.MinimumPollInterval"/>…<see cref="DomainAddressWaitOptions.MaximumPollInterval"/>) and progress.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The interfaces and addresses of the last poll.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="TimeoutException">Not every interface had an address within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed with anything but a not-yet-responding guest agent.</exception>
    public async Task<IReadOnlyList<DomainInterfaceAddresses>> WaitForAddressesAsync(
        TimeSpan timeout,
        DomainAddressWaitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be zero or positive, or Timeout.InfiniteTimeSpan.");
        }

        options ??= new DomainAddressWaitOptions();
        var infinite = timeout == Timeout.InfiniteTimeSpan;
        var pollInterval = options.EffectivePollInterval;
        var wanted = options.Interfaces ?? GetLiveXml().Devices.Interfaces.Select(i => i.Mac).OfType<string>().ToArray();

        // Subscribed before the first poll, so an agent that connects (or a guest that starts) between two polls
        // brings the next poll forward; null when the driver has no events, and the wait then only polls.
        using var wake = DomainEventWatcher.TryStart(this, DomainEventKinds.Lifecycle | DomainEventKinds.AgentLifecycle);

        // Elapsed time from a monotonic clock, compared with the timeout: no deadline is ever computed, so
        // TimeSpan.MaxValue cannot overflow, and a wall-clock jump cannot end or stretch the wait.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<DomainInterfaceAddresses> last = [];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                last = GetInterfaceAddresses(options.Source);
                options.Progress?.Report(last);
                if (HasAll(last, wanted))
                {
                    return last;
                }
            }
            catch (LibvirtException e) when (e.Code is VIR_ERR_AGENT_UNRESPONSIVE or VIR_ERR_AGENT_UNSYNCED)
            {
                // The agent starts after the guest's OS boots; until then there is nothing to read yet.
            }

            var delay = pollInterval;
            if (!infinite)
            {
                var remaining = timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException(
                        $"Domain '{Name}' did not get an address on every interface ({string.Join(", ", wanted)}) within {timeout}.");
                }

                delay = NextPollDelay(pollInterval, remaining);
            }

            await DomainEventWatcher.DelayOrEventAsync(wake, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The sleep before the next poll: the poll interval, or what is left of the timeout if less, rounded UP to
    /// whole milliseconds. Task.Delay truncates to milliseconds, so a remainder under 1 ms would be Delay(0), which
    /// completes at once: the loop would spin, polling libvirt hundreds of times in the last millisecond (and the
    /// timer clock, coarser than the Stopwatch, often wakes a little early, leaving such a remainder).
    /// </summary>
    internal static TimeSpan NextPollDelay(TimeSpan pollInterval, TimeSpan remaining)
    {
        var delay = remaining < pollInterval ? remaining : pollInterval;
        return TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(delay.TotalMilliseconds)));
    }

    internal static bool HasAll(IReadOnlyList<DomainInterfaceAddresses> interfaces, IReadOnlyCollection<string> wanted)
    {
        if (wanted.Count == 0)
        {
            return interfaces.Count > 0 && interfaces.All(i => i.Addresses.Count > 0);
        }

        return wanted.All(w => interfaces.Any(i =>
            i.Addresses.Count > 0
            && (string.Equals(i.MacAddress, w, StringComparison.OrdinalIgnoreCase) || string.Equals(i.Name, w, StringComparison.Ordinal))));
    }
}
