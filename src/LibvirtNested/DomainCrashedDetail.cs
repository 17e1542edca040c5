namespace LibvirtNested;

/// <summary>How a guest crashed (<c>virDomainEventCrashedDetailType</c>): the detail of a <see cref="DomainLifecycleEventType.Crashed"/> event. Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainCrashedDetail
{
    /// <summary><c>VIR_DOMAIN_EVENT_CRASHED_PANICKED</c>: guest was panicked.</summary>
    Panicked = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_CRASHED_CRASHLOADED</c>: guest was crashloaded.</summary>
    CrashLoaded = 1,
}
