namespace LibvirtNested;

/// <summary>
/// A virtual network was defined, undefined, started or stopped (<c>VIR_NETWORK_EVENT_ID_LIFECYCLE</c>,
/// <c>virConnectNetworkEventLifecycleCallback</c>).
/// </summary>
public sealed record NetworkLifecycleEvent : NetworkEvent
{
    /// <summary>What happened (<c>virNetworkEventLifecycleType</c>).</summary>
    public required NetworkLifecycleEventType Type { get; init; }
}
