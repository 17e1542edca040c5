namespace LibvirtNested;

/// <summary>What happened to a domain: libvirt's <c>virDomainEventType</c>, values equal to the C enum.</summary>
public enum DomainLifecycleEventType
{
    /// <summary><c>VIR_DOMAIN_EVENT_DEFINED</c>: a persistent configuration was added or changed.</summary>
    Defined = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_UNDEFINED</c>: the persistent configuration was removed.</summary>
    Undefined = 1,

    /// <summary><c>VIR_DOMAIN_EVENT_STARTED</c>: the domain started.</summary>
    Started = 2,

    /// <summary><c>VIR_DOMAIN_EVENT_SUSPENDED</c>: the domain was paused.</summary>
    Suspended = 3,

    /// <summary><c>VIR_DOMAIN_EVENT_RESUMED</c>: the domain was unpaused.</summary>
    Resumed = 4,

    /// <summary><c>VIR_DOMAIN_EVENT_STOPPED</c>: the domain stopped (shut down, destroyed, crashed, …).</summary>
    Stopped = 5,

    /// <summary><c>VIR_DOMAIN_EVENT_SHUTDOWN</c>: the guest shutdown sequence started or finished.</summary>
    Shutdown = 6,

    /// <summary><c>VIR_DOMAIN_EVENT_PMSUSPENDED</c>: the guest suspended itself through power management.</summary>
    PMSuspended = 7,

    /// <summary><c>VIR_DOMAIN_EVENT_CRASHED</c>: the guest crashed.</summary>
    Crashed = 8,
}
