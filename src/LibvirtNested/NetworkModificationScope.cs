namespace LibvirtNested;

/// <summary>
/// <c>virNetworkUpdateFlags</c>: whether a <c>virNetworkUpdate</c> (e.g. <see cref="LibvirtNetwork.AddDhcpHost(string, System.Net.IPAddress, string?, NetworkModificationScope)"/>)
/// changes the running network, its persistent definition, or both.
/// </summary>
[Flags]
public enum NetworkModificationScope
{
    /// <summary><c>VIR_NETWORK_UPDATE_AFFECT_CURRENT</c>: the running network if it is active, otherwise the definition.</summary>
    Current = 0,

    /// <summary><c>VIR_NETWORK_UPDATE_AFFECT_LIVE</c>: the running network; skipped (not an error) when the network is not active.</summary>
    Live = 1 << 0,

    /// <summary><c>VIR_NETWORK_UPDATE_AFFECT_CONFIG</c>: the persistent definition.</summary>
    Config = 1 << 1,
}
