namespace LibvirtNested;

/// <summary>Why a domain was undefined (<c>virDomainEventUndefinedDetailType</c>): the detail of a <see cref="DomainLifecycleEventType.Undefined"/> event. Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainUndefinedDetail
{
    /// <summary><c>VIR_DOMAIN_EVENT_UNDEFINED_REMOVED</c>: deleted the config file.</summary>
    Removed = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_UNDEFINED_RENAMED</c>: domain was renamed.</summary>
    Renamed = 1,
}
