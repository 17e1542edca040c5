namespace LibvirtNested;

/// <summary>libvirt's <c>virDomainState</c>.</summary>
public enum DomainState
{
    /// <summary><c>VIR_DOMAIN_NOSTATE</c>.</summary>
    NoState = 0,

    /// <summary><c>VIR_DOMAIN_RUNNING</c>.</summary>
    Running = 1,

    /// <summary><c>VIR_DOMAIN_BLOCKED</c>: blocked on a resource.</summary>
    Blocked = 2,

    /// <summary><c>VIR_DOMAIN_PAUSED</c>.</summary>
    Paused = 3,

    /// <summary><c>VIR_DOMAIN_SHUTDOWN</c>: being shut down.</summary>
    ShuttingDown = 4,

    /// <summary><c>VIR_DOMAIN_SHUTOFF</c>.</summary>
    ShutOff = 5,

    /// <summary><c>VIR_DOMAIN_CRASHED</c>.</summary>
    Crashed = 6,

    /// <summary><c>VIR_DOMAIN_PMSUSPENDED</c>: suspended by guest power management.</summary>
    PMSuspended = 7,
}
