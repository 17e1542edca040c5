namespace LibvirtNested;

/// <summary>
/// An event about one virtual network, registered with <c>virConnectNetworkEventRegisterAny</c>; libvirt lends the
/// callback a <c>virNetworkPtr</c>, whose name and UUID are copied here.
/// </summary>
public abstract record NetworkEvent : LibvirtEvent
{
    /// <summary>The network's name (<c>virNetworkGetName</c>).</summary>
    public required string NetworkName { get; init; }

    /// <summary>The network's UUID, canonical text form (<c>virNetworkGetUUIDString</c>).</summary>
    public required string NetworkUuid { get; init; }
}
