namespace LibvirtNested;

/// <summary>Why a domain was paused (<c>virDomainEventSuspendedDetailType</c>): the detail of a <see cref="DomainLifecycleEventType.Suspended"/> event. Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainSuspendedDetail
{
    /// <summary><c>VIR_DOMAIN_EVENT_SUSPENDED_PAUSED</c>: normal suspend due to admin pause.</summary>
    Paused = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_SUSPENDED_MIGRATED</c>: suspended for offline migration.</summary>
    Migrated = 1,

    /// <summary><c>VIR_DOMAIN_EVENT_SUSPENDED_IOERROR</c>: suspended due to a disk I/O error.</summary>
    IOError = 2,

    /// <summary><c>VIR_DOMAIN_EVENT_SUSPENDED_WATCHDOG</c>: suspended due to a watchdog firing.</summary>
    Watchdog = 3,

    /// <summary><c>VIR_DOMAIN_EVENT_SUSPENDED_RESTORED</c>: restored from paused state file.</summary>
    Restored = 4,

    /// <summary><c>VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT</c>: restored from paused snapshot.</summary>
    FromSnapshot = 5,

    /// <summary><c>VIR_DOMAIN_EVENT_SUSPENDED_API_ERROR</c>: suspended after failure during libvirt API call.</summary>
    ApiError = 6,

    /// <summary><c>VIR_DOMAIN_EVENT_SUSPENDED_POSTCOPY</c>: suspended for post-copy migration.</summary>
    Postcopy = 7,

    /// <summary><c>VIR_DOMAIN_EVENT_SUSPENDED_POSTCOPY_FAILED</c>: suspended after failed post-copy.</summary>
    PostcopyFailed = 8,
}
