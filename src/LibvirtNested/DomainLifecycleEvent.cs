namespace LibvirtNested;

/// <summary>
/// A domain lifecycle event (<c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>, delivered to a
/// <c>virConnectDomainEventCallback</c>), as yielded by <see cref="LibvirtConnection.WatchDomainLifecycleAsync(string?, CancellationToken)"/>
/// and by <see cref="LibvirtConnection.WatchDomainEventsAsync(DomainEventKinds, string?, CancellationToken)"/> with
/// <see cref="DomainEventKinds.Lifecycle"/>.
/// </summary>
/// <remarks>
/// The detail's meaning depends on <see cref="Type"/>: read the typed property that matches it
/// (<see cref="StoppedDetail"/> for <see cref="DomainLifecycleEventType.Stopped"/>, …); the others are
/// <see langword="null"/>.
/// </remarks>
public sealed record DomainLifecycleEvent : DomainEvent
{
    /// <summary>What happened (<c>virDomainEventType</c>).</summary>
    public required DomainLifecycleEventType Type { get; init; }

    /// <summary>
    /// Why, as libvirt's raw detail value: its meaning depends on <see cref="Type"/> (<c>virDomainEventDefinedDetailType</c>,
    /// <c>virDomainEventStartedDetailType</c>, <c>virDomainEventStoppedDetailType</c>, …); the typed properties below read it.
    /// </summary>
    public required int Detail { get; init; }

    /// <summary>The detail of a <see cref="DomainLifecycleEventType.Defined"/> event (<c>virDomainEventDefinedDetailType</c>); otherwise <see langword="null"/>.</summary>
    public DomainDefinedDetail? DefinedDetail => Type == DomainLifecycleEventType.Defined ? (DomainDefinedDetail)Detail : null;

    /// <summary>The detail of an <see cref="DomainLifecycleEventType.Undefined"/> event (<c>virDomainEventUndefinedDetailType</c>); otherwise <see langword="null"/>.</summary>
    public DomainUndefinedDetail? UndefinedDetail => Type == DomainLifecycleEventType.Undefined ? (DomainUndefinedDetail)Detail : null;

    /// <summary>The detail of a <see cref="DomainLifecycleEventType.Started"/> event (<c>virDomainEventStartedDetailType</c>); otherwise <see langword="null"/>.</summary>
    public DomainStartedDetail? StartedDetail => Type == DomainLifecycleEventType.Started ? (DomainStartedDetail)Detail : null;

    /// <summary>The detail of a <see cref="DomainLifecycleEventType.Suspended"/> event (<c>virDomainEventSuspendedDetailType</c>); otherwise <see langword="null"/>.</summary>
    public DomainSuspendedDetail? SuspendedDetail => Type == DomainLifecycleEventType.Suspended ? (DomainSuspendedDetail)Detail : null;

    /// <summary>The detail of a <see cref="DomainLifecycleEventType.Resumed"/> event (<c>virDomainEventResumedDetailType</c>); otherwise <see langword="null"/>.</summary>
    public DomainResumedDetail? ResumedDetail => Type == DomainLifecycleEventType.Resumed ? (DomainResumedDetail)Detail : null;

    /// <summary>The detail of a <see cref="DomainLifecycleEventType.Stopped"/> event (<c>virDomainEventStoppedDetailType</c>); otherwise <see langword="null"/>.</summary>
    public DomainStoppedDetail? StoppedDetail => Type == DomainLifecycleEventType.Stopped ? (DomainStoppedDetail)Detail : null;

    /// <summary>The detail of a <see cref="DomainLifecycleEventType.Shutdown"/> event (<c>virDomainEventShutdownDetailType</c>); otherwise <see langword="null"/>.</summary>
    public DomainShutdownDetail? ShutdownDetail => Type == DomainLifecycleEventType.Shutdown ? (DomainShutdownDetail)Detail : null;

    /// <summary>The detail of a <see cref="DomainLifecycleEventType.PMSuspended"/> event (<c>virDomainEventPMSuspendedDetailType</c>); otherwise <see langword="null"/>.</summary>
    public DomainPMSuspendedDetail? PMSuspendedDetail => Type == DomainLifecycleEventType.PMSuspended ? (DomainPMSuspendedDetail)Detail : null;

    /// <summary>The detail of a <see cref="DomainLifecycleEventType.Crashed"/> event (<c>virDomainEventCrashedDetailType</c>); otherwise <see langword="null"/>.</summary>
    public DomainCrashedDetail? CrashedDetail => Type == DomainLifecycleEventType.Crashed ? (DomainCrashedDetail)Detail : null;
}
