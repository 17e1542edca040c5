using LibvirtNested.Interop;
using LibvirtNested.Xml.Network;

namespace LibvirtNested;

/// <content>Virtual networks.</content>
public sealed partial class LibvirtConnection
{
    /// <summary>Defines (or redefines) a persistent network (<c>virNetworkDefineXMLFlags</c>, <c>virsh net-define</c>); it is not started.</summary>
    /// <param name="network">The definition.</param>
    /// <param name="validate">Validate against libvirt's schema first (<c>VIR_NETWORK_DEFINE_VALIDATE</c>).</param>
    /// <returns>The network.</returns>
    /// <exception cref="LibvirtInvalidXmlException">libvirt cannot parse the definition.</exception>
    /// <exception cref="LibvirtAlreadyExistsException">Another network has the name or UUID.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public LibvirtNetwork DefineNetwork(NetworkXml network, bool validate = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        return DefineNetwork(network.ToXmlString(), validate);
    }

    /// <summary>Defines a persistent network from XML text (<c>virNetworkDefineXMLFlags</c>).</summary>
    /// <param name="xml">A <c>&lt;network&gt;</c> document.</param>
    /// <param name="validate">Validate against libvirt's schema first.</param>
    /// <returns>The network.</returns>
    /// <exception cref="LibvirtException">libvirt refused; see <see cref="DefineNetwork(NetworkXml, bool)"/>.</exception>
    public LibvirtNetwork DefineNetwork(string xml, bool validate = false)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var flags = validate ? Libvirt.VIR_NETWORK_DEFINE_VALIDATE : 0;
        return new(this, LibvirtError.Check(Libvirt.virNetworkDefineXMLFlags(Handle, xml, flags), nameof(Libvirt.virNetworkDefineXMLFlags)));
    }

    /// <summary>Looks up a network by name (<c>virNetworkLookupByName</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The network.</returns>
    /// <exception cref="LibvirtNotFoundException">No network has that name.</exception>
    public LibvirtNetwork GetNetwork(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(this, LibvirtError.Check(Libvirt.virNetworkLookupByName(Handle, name), nameof(Libvirt.virNetworkLookupByName)));
    }

    /// <summary>Looks up a network by name, returning false instead of throwing when there is none.</summary>
    /// <param name="name">The name.</param>
    /// <param name="network">The network, when found.</param>
    /// <returns>Whether the network exists.</returns>
    /// <exception cref="LibvirtException">libvirt failed for another reason than a missing network.</exception>
    public bool TryGetNetwork(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LibvirtNetwork? network)
    {
        try
        {
            network = GetNetwork(name);
            return true;
        }
        catch (LibvirtNotFoundException)
        {
            network = null;
            return false;
        }
    }

    /// <summary>Lists networks (<c>virConnectListAllNetworks</c>). Dispose the returned objects.</summary>
    /// <param name="filter">All, active or inactive networks.</param>
    /// <returns>The networks.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public IReadOnlyList<LibvirtNetwork> ListNetworks(LibvirtListFilter filter = LibvirtListFilter.All)
    {
        var flags = filter switch
        {
            LibvirtListFilter.Active => Libvirt.VIR_CONNECT_LIST_NETWORKS_ACTIVE,
            LibvirtListFilter.Inactive => Libvirt.VIR_CONNECT_LIST_NETWORKS_INACTIVE,
            _ => 0u,
        };
        return Array.ConvertAll(LibvirtProxy.ListAllNetworks(Handle, flags), handle => new LibvirtNetwork(this, handle));
    }
}
