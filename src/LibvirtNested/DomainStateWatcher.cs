using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>
/// A domain's state, re-read (<c>virDomainGetState</c>) each time libvirt reports a lifecycle event for it
/// (<c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>): the event says that something changed, the state read after it says
/// where the domain is now, so a burst of events or a "lost events" gap still ends in the right state.
/// </summary>
/// <remarks>
/// The subscription is made when the watcher is created, before the first read, so a change between the read and
/// the wait is never missed: its event is already buffered. Disposing deregisters it (<see cref="Live"/> counts the
/// watchers not yet disposed, for leak checks).
/// </remarks>
internal sealed class DomainStateWatcher : IDisposable
{
    private const int Capacity = 64;
    private const int VIR_DOMAIN_SHUTOFF_UNKNOWN = 0;

    private static int live;

    private readonly LibvirtDomain domain;
    private readonly LibvirtConnection connection;
    private readonly DomainLifecycleSubscription subscription;
    private DomainLifecycleEvent? lastStop;
    private LibvirtNotFoundException? vanished;
    private int disposed;

    private DomainStateWatcher(LibvirtDomain domain, LibvirtConnection connection, DomainLifecycleSubscription subscription)
    {
        this.domain = domain;
        this.connection = connection;
        this.subscription = subscription;
        DomainName = domain.Name;
    }

    /// <summary>Watchers created and not yet disposed (tests check that every wait disposes its own).</summary>
    internal static int Live => Volatile.Read(ref live);

    /// <summary>The watched domain's name.</summary>
    internal string DomainName { get; }

    /// <summary>Subscribes to the domain's lifecycle events, through a reference of its own to the domain's connection.</summary>
    /// <exception cref="ObjectDisposedException">The domain object was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the subscription.</exception>
    internal static DomainStateWatcher Start(LibvirtDomain domain)
    {
        // The domain's reference keeps the connection open even when the caller disposed its connection object;
        // a reference of the watcher's own (virConnectRef) lets it subscribe either way.
        var connection = LibvirtConnection.Of(domain);
        try
        {
            var subscription = DomainLifecycleHub.Subscribe(connection.Handle, domain.Name, Capacity);
            Interlocked.Increment(ref live);
            return new DomainStateWatcher(domain, connection, subscription);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The state now. A transient domain that stopped no longer exists (<c>VIR_ERR_NO_DOMAIN</c>): it reads as shut
    /// off, with the reason its stop event gave.
    /// </summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    internal DomainStateInfo Read()
    {
        try
        {
            return domain.GetState();
        }
        catch (LibvirtNotFoundException e)
        {
            vanished = e;

            // VIR_DOMAIN_EVENT_STOPPED_* details are the VIR_DOMAIN_SHUTOFF_* reasons minus one (SHUTDOWN 0 → 1, DESTROYED 1 → 2, …).
            var reason = lastStop is { Detail: >= 0 and <= 6 } stop ? stop.Detail + 1 : VIR_DOMAIN_SHUTOFF_UNKNOWN;
            return new DomainStateInfo(DomainState.ShutOff, reason);
        }
    }

    /// <summary>Returns once the domain is in <paramref name="wanted"/>, reading first and then after each event.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="LibvirtNotFoundException">The domain no longer exists and <paramref name="wanted"/> is not <see cref="DomainState.ShutOff"/>.</exception>
    /// <exception cref="LibvirtException">libvirt failed, or the subscription ended (the connection was closed).</exception>
    internal async Task<DomainStateInfo> WaitAsync(DomainState wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = Read();
            if (current.State == wanted)
            {
                return current;
            }

            if (vanished is not null)
            {
                throw vanished;
            }

            await NextAsync(cancellationToken).ConfigureAwait(false);
        }
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

    /// <summary>Waits for at least one event and takes every buffered one.</summary>
    private async Task NextAsync(CancellationToken cancellationToken)
    {
        var reader = subscription.Reader;
        if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new LibvirtException($"The lifecycle event subscription of domain '{DomainName}' ended before the wait did.");
        }

        while (reader.TryRead(out var item))
        {
            // An EventsLostEvent needs nothing special: the state is read again after every batch anyway.
            if (item is DomainLifecycleEvent { Type: DomainLifecycleEventType.Stopped } stop)
            {
                lastStop = stop;
            }
        }
    }
}
