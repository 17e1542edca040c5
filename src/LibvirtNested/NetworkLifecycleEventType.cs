namespace LibvirtNested;

/// <summary>What happened to a virtual network (<c>virNetworkEventLifecycleType</c>). Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum NetworkLifecycleEventType
{
    /// <summary><c>VIR_NETWORK_EVENT_DEFINED</c>: the network's persistent configuration was added or changed.</summary>
    Defined = 0,

    /// <summary><c>VIR_NETWORK_EVENT_UNDEFINED</c>: the persistent configuration was removed.</summary>
    Undefined = 1,

    /// <summary><c>VIR_NETWORK_EVENT_STARTED</c>: the network started.</summary>
    Started = 2,

    /// <summary><c>VIR_NETWORK_EVENT_STOPPED</c>: the network stopped.</summary>
    Stopped = 3,
}
