namespace LibvirtNested;

/// <summary>How a domain started (<c>virDomainEventStartedDetailType</c>): the detail of a <see cref="DomainLifecycleEventType.Started"/> event. Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainStartedDetail
{
    /// <summary><c>VIR_DOMAIN_EVENT_STARTED_BOOTED</c>: normal startup from boot.</summary>
    Booted = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_STARTED_MIGRATED</c>: incoming migration from another host.</summary>
    Migrated = 1,

    /// <summary><c>VIR_DOMAIN_EVENT_STARTED_RESTORED</c>: restored from a state file.</summary>
    Restored = 2,

    /// <summary><c>VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT</c>: restored from snapshot.</summary>
    FromSnapshot = 3,

    /// <summary><c>VIR_DOMAIN_EVENT_STARTED_WAKEUP</c>: started due to wakeup event.</summary>
    Wakeup = 4,
}
