namespace LibvirtNested;

/// <summary>
/// A domain lifecycle event (<c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>, delivered to a
/// <c>virConnectDomainEventCallback</c>), as yielded by <see cref="LibvirtConnection.WatchDomainLifecycleAsync(string?, CancellationToken)"/>.
/// </summary>
public sealed record DomainLifecycleEvent : DomainEvent
{
    /// <summary>What happened (<c>virDomainEventType</c>).</summary>
    public required DomainLifecycleEventType Type { get; init; }

    /// <summary>
    /// Why, as libvirt's raw detail value: its meaning depends on <see cref="Type"/> (<c>virDomainEventDefinedDetailType</c>,
    /// <c>virDomainEventStartedDetailType</c>, <c>virDomainEventStoppedDetailType</c>, …).
    /// </summary>
    public required int Detail { get; init; }
}
