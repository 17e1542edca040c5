namespace LibvirtNested;

/// <summary>
/// One domain lifecycle event (<c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>, delivered to a
/// <c>virConnectDomainEventCallback</c>), as yielded by <see cref="LibvirtConnection.WatchDomainLifecycleAsync(string?, CancellationToken)"/>.
/// </summary>
public sealed record DomainLifecycleEvent
{
    /// <summary>The domain's name (<c>virDomainGetName</c>).</summary>
    public required string DomainName { get; init; }

    /// <summary>The domain's UUID, canonical text form (<c>virDomainGetUUIDString</c>).</summary>
    public required string DomainUuid { get; init; }

    /// <summary>What happened (<c>virDomainEventType</c>).</summary>
    public required DomainLifecycleEventType Type { get; init; }

    /// <summary>
    /// Why, as libvirt's raw detail value: its meaning depends on <see cref="Type"/> (<c>virDomainEventDefinedDetailType</c>,
    /// <c>virDomainEventStartedDetailType</c>, <c>virDomainEventStoppedDetailType</c>, …).
    /// </summary>
    public required int Detail { get; init; }

    /// <summary>When the library received the event from libvirt (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>
    /// How many events were dropped just before this one because the subscription's buffer was full (the
    /// consumer read too slowly); 0 when none were. Dropped events are counted, never silently lost: the count
    /// rides on the next event that fits.
    /// </summary>
    public long LostBefore { get; init; }
}
