namespace LibvirtNested;

/// <summary>Why a domain stopped (<c>virDomainEventStoppedDetailType</c>): the detail of a <see cref="DomainLifecycleEventType.Stopped"/> event. Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainStoppedDetail
{
    /// <summary><c>VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN</c>: normal shutdown.</summary>
    Shutdown = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_STOPPED_DESTROYED</c>: forced poweroff from host.</summary>
    Destroyed = 1,

    /// <summary><c>VIR_DOMAIN_EVENT_STOPPED_CRASHED</c>: guest crashed.</summary>
    Crashed = 2,

    /// <summary><c>VIR_DOMAIN_EVENT_STOPPED_MIGRATED</c>: migrated off to another host.</summary>
    Migrated = 3,

    /// <summary><c>VIR_DOMAIN_EVENT_STOPPED_SAVED</c>: saved to a state file.</summary>
    Saved = 4,

    /// <summary><c>VIR_DOMAIN_EVENT_STOPPED_FAILED</c>: host emulator/mgmt failed.</summary>
    Failed = 5,

    /// <summary><c>VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT</c>: offline snapshot loaded.</summary>
    FromSnapshot = 6,
}
