using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>
/// One domain's events for the duration of one wait of <see cref="LibvirtDomain"/>: a subscription (the events
/// helper's <see cref="EventSubscription"/>) made before anything is read, so whatever happens between the first read
/// and the wait is already buffered and cannot be missed. States are re-read (<c>virDomainGetState</c>) after each
/// batch of events: an event says that something changed, the read says where the domain is now, so a burst or an
/// <see cref="EventsLostEvent"/> gap still ends in the right state.
/// </summary>
/// <remarks>Disposing deregisters the subscription; <see cref="Live"/> counts the watchers not yet disposed, for leak checks.</remarks>
internal sealed class DomainEventWatcher : IDisposable
{
    private const int Capacity = 64;
    private const int VIR_DOMAIN_SHUTOFF_UNKNOWN = 0;

    private static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(1);

    private static int live;

    private readonly LibvirtDomain domain;
    private readonly LibvirtConnection connection;
    private readonly EventSubscription subscription;
    private DomainStoppedDetail? lastStop;
    private LibvirtNotFoundException? vanished;
    private int disposed;

    private DomainEventWatcher(LibvirtDomain domain, string name, LibvirtConnection connection, EventSubscription subscription)
    {
        this.domain = domain;
        this.connection = connection;
        this.subscription = subscription;
        DomainName = name;
    }

    /// <summary>Watchers created and not yet disposed (tests check that every wait disposes its own).</summary>
    internal static int Live => Volatile.Read(ref live);

    /// <summary>The watched domain's name (events are matched by it).</summary>
    internal string DomainName { get; }

    /// <summary>Subscribes to <paramref name="kinds"/> of the domain's events, through a connection reference of the watcher's own.</summary>
    /// <exception cref="ObjectDisposedException">The domain object was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be set up.</exception>
    /// <exception cref="LibvirtException">libvirt refused the subscription.</exception>
    internal static DomainEventWatcher Start(LibvirtDomain domain, DomainEventKinds kinds)
    {
        // The domain's reference keeps the connection open even when the caller disposed its connection object;
        // a reference of the watcher's own (virDomainGetConnect + virConnectRef) subscribes either way.
        var name = domain.Name;
        var connection = LibvirtConnection.Of(domain);
        try
        {
            var subscription = EventSubscription.Subscribe(connection.Handle, EventSource.ForDomainKinds(kinds), name, Capacity);
            Interlocked.Increment(ref live);
            return new DomainEventWatcher(domain, name, connection, subscription);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Like <see cref="Start"/>, or null when the driver or the event loop cannot deliver events (the caller then only polls).</summary>
    /// <exception cref="ObjectDisposedException">The domain object was disposed.</exception>
    internal static DomainEventWatcher? TryStart(LibvirtDomain domain, DomainEventKinds kinds)
    {
        try
        {
            return Start(domain, kinds);
        }
        catch (LibvirtException)
        {
            // LibvirtEventLoopException included: events are an optimisation of a poll loop, never a reason to fail it.
            return null;
        }
    }

    /// <summary>
    /// Sleeps <paramref name="delay"/>, or less when <paramref name="watcher"/> receives an event first (the events are
    /// taken: they only say "look again"); a plain <see cref="Task.Delay(TimeSpan, CancellationToken)"/> without a watcher.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    internal static async Task DelayOrEventAsync(DomainEventWatcher? watcher, TimeSpan delay, CancellationToken cancellationToken)
    {
        // Never a zero sleep: CancelAfter and Task.Delay count whole milliseconds, and 0 would make a poll loop spin.
        if (delay < MinimumDelay)
        {
            delay = MinimumDelay;
        }

        if (watcher is null)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        sleep.CancelAfter(delay);
        try
        {
            await watcher.NextBatchAsync(static _ => false, sleep.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The delay passed without an event.
        }
        catch (LibvirtException)
        {
            // The subscription ended (connection closed): wait out the delay as a plain poll loop would.
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The state now. A transient domain that stopped no longer exists (<c>VIR_ERR_NO_DOMAIN</c>): it reads as shut
    /// off, with the reason its stop event gave.
    /// </summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    internal DomainStateInfo ReadState()
    {
        try
        {
            return domain.GetState();
        }
        catch (LibvirtNotFoundException e)
        {
            vanished = e;

            // VIR_DOMAIN_EVENT_STOPPED_* details are the VIR_DOMAIN_SHUTOFF_* reasons minus one (SHUTDOWN 0 → 1, DESTROYED 1 → 2, …).
            var reason = lastStop is { } stop && stop >= DomainStoppedDetail.Shutdown && stop <= DomainStoppedDetail.FromSnapshot
                ? (int)stop + 1
                : VIR_DOMAIN_SHUTOFF_UNKNOWN;
            return new DomainStateInfo(DomainState.ShutOff, reason);
        }
    }

    /// <summary>Returns once the domain is in <paramref name="wanted"/>, reading first and then after each batch of events (needs <see cref="DomainEventKinds.Lifecycle"/>).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="LibvirtNotFoundException">The domain no longer exists and <paramref name="wanted"/> is not <see cref="DomainState.ShutOff"/>.</exception>
    /// <exception cref="LibvirtException">libvirt failed, or the subscription ended.</exception>
    internal async Task<DomainStateInfo> WaitForStateAsync(DomainState wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = ReadState();
            if (current.State == wanted)
            {
                return current;
            }

            if (vanished is not null)
            {
                throw vanished;
            }

            await NextBatchAsync(static _ => false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the first event (buffered or still to come) that <paramref name="match"/> accepts.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="LibvirtException">The subscription ended.</exception>
    internal async Task<LibvirtEvent> WaitForEventAsync(Func<LibvirtEvent, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await NextBatchAsync(match, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }
        }
    }

    /// <summary>
    /// Takes the buffered events, or waits for at least one when none is buffered, up to the first that
    /// <paramref name="match"/> accepts (returned; the rest stay buffered for the next call); null when none matched.
    /// Buffered events are taken even when <paramref name="cancellationToken"/> is already cancelled, so a zero timeout
    /// still sees what happened before it.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled and nothing was buffered.</exception>
    /// <exception cref="LibvirtException">The subscription ended.</exception>
    internal async Task<LibvirtEvent?> NextBatchAsync(Func<LibvirtEvent, bool> match, CancellationToken cancellationToken)
    {
        var reader = subscription.Reader;
        if (!reader.TryPeek(out _) && !await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new LibvirtException($"The event subscription of domain '{DomainName}' ended before the wait did.");
        }

        while (reader.TryRead(out var item))
        {
            // An EventsLostEvent needs nothing special: states are read again after every batch anyway.
            if (item is DomainLifecycleEvent { StoppedDetail: { } stop })
            {
                lastStop = stop;
            }

            if (match(item))
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>Deregisters the subscription and drops the connection reference; idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        subscription.Dispose();
        connection.Dispose();
        Interlocked.Decrement(ref live);
    }
}
