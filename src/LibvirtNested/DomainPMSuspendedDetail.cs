namespace LibvirtNested;

/// <summary>Where a guest suspended itself to (<c>virDomainEventPMSuspendedDetailType</c>): the detail of a <see cref="DomainLifecycleEventType.PMSuspended"/> event. Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainPMSuspendedDetail
{
    /// <summary><c>VIR_DOMAIN_EVENT_PMSUSPENDED_MEMORY</c>: guest was PM suspended to memory.</summary>
    Memory = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_PMSUSPENDED_DISK</c>: guest was PM suspended to disk.</summary>
    Disk = 1,
}
