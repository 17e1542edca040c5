using LibvirtNested.Interop;

namespace LibvirtNested;

/// <content>Event subscriptions: streams (<c>Watch…Async</c>) and callbacks (<c>Subscribe…</c>) over libvirt's <c>virConnect…EventRegisterAny</c>.</content>
/// <remarks>
/// Common to every method here: events are delivered by the library's own libvirt event loop
/// (<c>virEventRegisterDefaultImpl</c>, then <c>virEventRunDefaultImpl</c> on a background thread that runs while
/// any subscription exists). A subscription is registered by the call itself, so no event after the call is missed,
/// and holds up to its capacity (1,024 unless given) of events for a slow consumer; beyond that, events are dropped
/// and an <see cref="EventsLostEvent"/> with their count takes their place in the stream. A name filter matches the
/// object's name exactly (so an object defined later is seen); <see langword="null"/> takes every object.
/// libvirt recommends registering its event loop before opening connections (remote connections decide at open
/// time); the loop is registered on the first subscription of the process, which is enough for local drivers.
/// </remarks>
public sealed partial class LibvirtConnection
{
    /// <summary>The buffer of a subscription that does not name one: events held for a slow consumer before counting losses.</summary>
    internal const int DefaultEventCapacity = 1024;

    /// <summary>
    /// Streams domain lifecycle events (defined, started, stopped, undefined, …) of one domain or of all: the same as
    /// <see cref="WatchDomainEventsAsync(DomainEventKinds, string?, CancellationToken)"/> with
    /// <see cref="DomainEventKinds.Lifecycle"/> (<c>virConnectDomainEventRegisterAny</c>, <c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>).
    /// </summary>
    /// <param name="domainName">Only this domain's events (matched by name, so a domain defined later is seen); <see langword="null"/> for every domain.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>
    /// The events in libvirt's order: <see cref="DomainLifecycleEvent"/>s, and an <see cref="EventsLostEvent"/> marker
    /// where events were dropped because the consumer fell behind the buffer (the stream then continues). The
    /// subscription is registered by this call and removed (<c>virConnectDomainEventDeregisterAny</c>) when the
    /// enumerator is disposed or cancelled; enumerate the result once, since a result that is never enumerated keeps
    /// its registration until the process ends.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="domainName"/> contains a NUL character.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered (another event implementation is registered in the process).</exception>
    /// <exception cref="LibvirtException">libvirt refused the subscription (the driver has no events, the connection broke).</exception>
#pragma warning disable RS0027 // Both overloads are new together: no earlier shape a recompiled caller could silently switch from.
    public IAsyncEnumerable<LibvirtEvent> WatchDomainLifecycleAsync(string? domainName = null, CancellationToken cancellationToken = default) =>
        WatchDomainEventsAsync(DomainEventKinds.Lifecycle, domainName, DefaultEventCapacity, cancellationToken);

    /// <summary>
    /// Streams domain lifecycle events like <see cref="WatchDomainLifecycleAsync(string?, CancellationToken)"/>,
    /// with a buffer of <paramref name="capacity"/> events.
    /// </summary>
    /// <param name="domainName">Only this domain's events; <see langword="null"/> for every domain.</param>
    /// <param name="capacity">How many events are held for a slow consumer before the next ones are counted as lost; at least 1.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>The events, as for the other overload.</returns>
    /// <exception cref="ArgumentException"><paramref name="domainName"/> contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the subscription (<c>virConnectDomainEventRegisterAny</c>).</exception>
    public IAsyncEnumerable<LibvirtEvent> WatchDomainLifecycleAsync(string? domainName, int capacity, CancellationToken cancellationToken) =>
        WatchDomainEventsAsync(DomainEventKinds.Lifecycle, domainName, capacity, cancellationToken);

    /// <summary>
    /// Streams the chosen kinds of domain events of one domain or of all, in one stream and in libvirt's order:
    /// one <c>virConnectDomainEventRegisterAny</c> per kind (<c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>, <c>…_REBOOT</c>,
    /// <c>…_DEVICE_ADDED</c>, <c>…_DEVICE_REMOVED</c>, <c>…_DEVICE_REMOVAL_FAILED</c>, <c>…_AGENT_LIFECYCLE</c>,
    /// <c>…_METADATA_CHANGE</c>, <c>…_BLOCK_JOB_2</c>), shared with the connection's other subscriptions.
    /// </summary>
    /// <param name="kinds">The kinds to receive; at least one.</param>
    /// <param name="domainName">Only this domain's events (matched by name); <see langword="null"/> for every domain.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>
    /// The events, each a <see cref="DomainEvent"/> record of the kind (<see cref="DomainLifecycleEvent"/>,
    /// <see cref="DomainRebootEvent"/>, <see cref="DomainDeviceRemovedEvent"/>, …), and <see cref="EventsLostEvent"/>
    /// markers; pattern-match on the type. Registered by this call, removed (<c>virConnectDomainEventDeregisterAny</c>)
    /// when the enumerator is disposed or cancelled; enumerate it once.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="domainName"/> contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kinds"/> is <see cref="DomainEventKinds.None"/> or has unknown bits.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered (another event implementation is registered in the process).</exception>
    /// <exception cref="LibvirtException">libvirt refused a registration (the driver lacks the event, the connection broke); none is left behind.</exception>
    public IAsyncEnumerable<LibvirtEvent> WatchDomainEventsAsync(DomainEventKinds kinds, string? domainName = null, CancellationToken cancellationToken = default) =>
        WatchDomainEventsAsync(kinds, domainName, DefaultEventCapacity, cancellationToken);

    /// <summary>Streams domain events like <see cref="WatchDomainEventsAsync(DomainEventKinds, string?, CancellationToken)"/>, with a buffer of <paramref name="capacity"/> events.</summary>
    /// <param name="kinds">The kinds to receive; at least one.</param>
    /// <param name="domainName">Only this domain's events; <see langword="null"/> for every domain.</param>
    /// <param name="capacity">How many events are held for a slow consumer before the next ones are counted as lost; at least 1.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>The events, as for the other overload.</returns>
    /// <exception cref="ArgumentException"><paramref name="domainName"/> contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kinds"/> names no known kind, or <paramref name="capacity"/> is less than 1.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused a registration (<c>virConnectDomainEventRegisterAny</c>).</exception>
    public IAsyncEnumerable<LibvirtEvent> WatchDomainEventsAsync(DomainEventKinds kinds, string? domainName, int capacity, CancellationToken cancellationToken) =>
        Watch(EventSource.ForDomainKinds(kinds), domainName, nameof(domainName), capacity, cancellationToken);

    /// <summary>
    /// Streams virtual network lifecycle events (defined, undefined, started, stopped) of one network or of all:
    /// <c>virConnectNetworkEventRegisterAny</c> with <c>VIR_NETWORK_EVENT_ID_LIFECYCLE</c>.
    /// </summary>
    /// <param name="networkName">Only this network's events (matched by name); <see langword="null"/> for every network.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>
    /// <see cref="NetworkLifecycleEvent"/>s and <see cref="EventsLostEvent"/> markers. Registered by this call,
    /// removed (<c>virConnectNetworkEventDeregisterAny</c>) when the enumerator is disposed or cancelled; enumerate it once.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="networkName"/> contains a NUL character.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the subscription.</exception>
    public IAsyncEnumerable<LibvirtEvent> WatchNetworkEventsAsync(string? networkName = null, CancellationToken cancellationToken = default) =>
        WatchNetworkEventsAsync(networkName, DefaultEventCapacity, cancellationToken);

    /// <summary>Streams network events like <see cref="WatchNetworkEventsAsync(string?, CancellationToken)"/>, with a buffer of <paramref name="capacity"/> events.</summary>
    /// <param name="networkName">Only this network's events; <see langword="null"/> for every network.</param>
    /// <param name="capacity">How many events are held for a slow consumer before the next ones are counted as lost; at least 1.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>The events, as for the other overload.</returns>
    /// <exception cref="ArgumentException"><paramref name="networkName"/> contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the subscription (<c>virConnectNetworkEventRegisterAny</c>).</exception>
    public IAsyncEnumerable<LibvirtEvent> WatchNetworkEventsAsync(string? networkName, int capacity, CancellationToken cancellationToken) =>
        Watch([EventSource.NetworkLifecycle], networkName, nameof(networkName), capacity, cancellationToken);

    /// <summary>
    /// Streams storage pool lifecycle events (defined, undefined, started, stopped, created, deleted) of one pool or
    /// of all: <c>virConnectStoragePoolEventRegisterAny</c> with <c>VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE</c>.
    /// </summary>
    /// <param name="poolName">Only this pool's events (matched by name); <see langword="null"/> for every pool.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>
    /// <see cref="StoragePoolLifecycleEvent"/>s and <see cref="EventsLostEvent"/> markers. Registered by this call,
    /// removed (<c>virConnectStoragePoolEventDeregisterAny</c>) when the enumerator is disposed or cancelled; enumerate it once.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="poolName"/> contains a NUL character.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the subscription.</exception>
    public IAsyncEnumerable<LibvirtEvent> WatchStoragePoolEventsAsync(string? poolName = null, CancellationToken cancellationToken = default) =>
        WatchStoragePoolEventsAsync(poolName, DefaultEventCapacity, cancellationToken);

    /// <summary>Streams storage pool events like <see cref="WatchStoragePoolEventsAsync(string?, CancellationToken)"/>, with a buffer of <paramref name="capacity"/> events.</summary>
    /// <param name="poolName">Only this pool's events; <see langword="null"/> for every pool.</param>
    /// <param name="capacity">How many events are held for a slow consumer before the next ones are counted as lost; at least 1.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>The events, as for the other overload.</returns>
    /// <exception cref="ArgumentException"><paramref name="poolName"/> contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the subscription (<c>virConnectStoragePoolEventRegisterAny</c>).</exception>
    public IAsyncEnumerable<LibvirtEvent> WatchStoragePoolEventsAsync(string? poolName, int capacity, CancellationToken cancellationToken) =>
        Watch([EventSource.StoragePoolLifecycle], poolName, nameof(poolName), capacity, cancellationToken);
#pragma warning restore RS0027

    /// <summary>
    /// Calls <paramref name="handler"/> for the chosen kinds of domain events of one domain or of all: the callback
    /// form of <see cref="WatchDomainEventsAsync(DomainEventKinds, string?, CancellationToken)"/>, same registrations
    /// (<c>virConnectDomainEventRegisterAny</c>), same buffer and <see cref="EventsLostEvent"/> markers.
    /// </summary>
    /// <param name="kinds">The kinds to receive; at least one.</param>
    /// <param name="domainName">Only this domain's events (matched by name); <see langword="null"/> for every domain.</param>
    /// <param name="handler">Called once per event, in order, one call at a time, on a thread-pool thread; if it throws, the subscription ends and <see cref="LibvirtEventSubscription.Completion"/> faults with the exception.</param>
    /// <returns>The subscription: dispose it to deregister.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="domainName"/> contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kinds"/> names no known kind.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused a registration.</exception>
    public LibvirtEventSubscription SubscribeDomainEvents(DomainEventKinds kinds, string? domainName, Action<LibvirtEvent> handler) =>
        Subscribe(EventSource.ForDomainKinds(kinds), domainName, nameof(domainName), handler);

    /// <summary>
    /// Calls <paramref name="handler"/> for network lifecycle events: the callback form of
    /// <see cref="WatchNetworkEventsAsync(string?, CancellationToken)"/> (<c>virConnectNetworkEventRegisterAny</c>).
    /// </summary>
    /// <param name="networkName">Only this network's events; <see langword="null"/> for every network.</param>
    /// <param name="handler">Called once per event, in order, one call at a time, on a thread-pool thread; if it throws, the subscription ends and <see cref="LibvirtEventSubscription.Completion"/> faults with the exception.</param>
    /// <returns>The subscription: dispose it to deregister.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="networkName"/> contains a NUL character.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the registration.</exception>
    public LibvirtEventSubscription SubscribeNetworkEvents(string? networkName, Action<LibvirtEvent> handler) =>
        Subscribe([EventSource.NetworkLifecycle], networkName, nameof(networkName), handler);

    /// <summary>
    /// Calls <paramref name="handler"/> for storage pool lifecycle events: the callback form of
    /// <see cref="WatchStoragePoolEventsAsync(string?, CancellationToken)"/> (<c>virConnectStoragePoolEventRegisterAny</c>).
    /// </summary>
    /// <param name="poolName">Only this pool's events; <see langword="null"/> for every pool.</param>
    /// <param name="handler">Called once per event, in order, one call at a time, on a thread-pool thread; if it throws, the subscription ends and <see cref="LibvirtEventSubscription.Completion"/> faults with the exception.</param>
    /// <returns>The subscription: dispose it to deregister.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="poolName"/> contains a NUL character.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the registration.</exception>
    public LibvirtEventSubscription SubscribeStoragePoolEvents(string? poolName, Action<LibvirtEvent> handler) =>
        Subscribe([EventSource.StoragePoolLifecycle], poolName, nameof(poolName), handler);

    private LibvirtEventWatch Watch(IReadOnlyList<EventSource> sources, string? name, string nameParameter, int capacity, CancellationToken cancellationToken)
    {
        // A name with U+0000 can never equal a libvirt name (C strings end there): refused, like every string argument.
        CheckedUtf8StringMarshaller.EnsureNoNul(name, nameParameter);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return new LibvirtEventWatch(EventSubscription.Subscribe(Handle, sources, name, capacity), cancellationToken);
    }

    private LibvirtEventSubscription Subscribe(IReadOnlyList<EventSource> sources, string? name, string nameParameter, Action<LibvirtEvent> handler)
    {
        CheckedUtf8StringMarshaller.EnsureNoNul(name, nameParameter);
        ArgumentNullException.ThrowIfNull(handler);
        return new LibvirtEventSubscription(EventSubscription.Subscribe(Handle, sources, name, DefaultEventCapacity), handler);
    }
}
