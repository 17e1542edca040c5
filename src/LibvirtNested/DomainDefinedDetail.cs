namespace LibvirtNested;

/// <summary>Why a domain was defined (<c>virDomainEventDefinedDetailType</c>): the detail of a <see cref="DomainLifecycleEventType.Defined"/> event. Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainDefinedDetail
{
    /// <summary><c>VIR_DOMAIN_EVENT_DEFINED_ADDED</c>: newly created config file.</summary>
    Added = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_DEFINED_UPDATED</c>: changed config file.</summary>
    Updated = 1,

    /// <summary><c>VIR_DOMAIN_EVENT_DEFINED_RENAMED</c>: domain was renamed.</summary>
    Renamed = 2,

    /// <summary><c>VIR_DOMAIN_EVENT_DEFINED_FROM_SNAPSHOT</c>: config was restored from a snapshot.</summary>
    FromSnapshot = 3,
}
