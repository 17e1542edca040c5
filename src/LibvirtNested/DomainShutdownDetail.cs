namespace LibvirtNested;

/// <summary>Who shut a domain down (<c>virDomainEventShutdownDetailType</c>): the detail of a <see cref="DomainLifecycleEventType.Shutdown"/> event. Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainShutdownDetail
{
    /// <summary><c>VIR_DOMAIN_EVENT_SHUTDOWN_FINISHED</c>: guest finished shutdown sequence.</summary>
    Finished = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_SHUTDOWN_GUEST</c>: domain finished shutting down after request from the guest itself (e.g. hardware-specific action).</summary>
    Guest = 1,

    /// <summary><c>VIR_DOMAIN_EVENT_SHUTDOWN_HOST</c>: domain finished shutting down after request from the host (e.g. killed by a signal).</summary>
    Host = 2,
}
