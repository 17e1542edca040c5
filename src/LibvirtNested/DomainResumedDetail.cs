namespace LibvirtNested;

/// <summary>Why a domain was unpaused (<c>virDomainEventResumedDetailType</c>): the detail of a <see cref="DomainLifecycleEventType.Resumed"/> event. Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainResumedDetail
{
    /// <summary><c>VIR_DOMAIN_EVENT_RESUMED_UNPAUSED</c>: normal resume due to admin unpause.</summary>
    Unpaused = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_RESUMED_MIGRATED</c>: resumed for completion of migration.</summary>
    Migrated = 1,

    /// <summary><c>VIR_DOMAIN_EVENT_RESUMED_FROM_SNAPSHOT</c>: resumed from snapshot.</summary>
    FromSnapshot = 2,

    /// <summary><c>VIR_DOMAIN_EVENT_RESUMED_POSTCOPY</c>: resumed, but migration is still running in post-copy mode.</summary>
    Postcopy = 3,

    /// <summary><c>VIR_DOMAIN_EVENT_RESUMED_POSTCOPY_FAILED</c>: running, but migration failed in post-copy.</summary>
    PostcopyFailed = 4,
}
