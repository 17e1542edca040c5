using LibvirtNested.Interop;
using LibvirtNested.Xml.Network;

namespace LibvirtNested;

/// <content>Virtual networks.</content>
public sealed partial class LibvirtConnection
{
    /// <summary>
    /// Defines (or redefines) a persistent network (<c>virNetworkDefineXMLFlags</c>, <c>virsh net-define</c>); it is not
    /// started. Validates against libvirt's RelaxNG schema first unless <paramref name="options"/> says <see cref="NetworkDefineOptions.None"/>.
    /// </summary>
    /// <param name="network">The definition.</param>
    /// <param name="options"><see cref="NetworkDefineOptions.Validate"/> (the default) or <see cref="NetworkDefineOptions.None"/>.</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentException">The text contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds an unknown flag.</exception>
    /// <exception cref="LibvirtInvalidXmlException">libvirt cannot parse the definition.</exception>
    /// <exception cref="LibvirtSchemaValidationException">The definition fails the schema (with <see cref="NetworkDefineOptions.Validate"/>).</exception>
    /// <exception cref="LibvirtAlreadyExistsException">Another network has the name or UUID.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public LibvirtNetwork DefineNetwork(NetworkXml network, NetworkDefineOptions options = NetworkDefineOptions.Validate)
    {
        ArgumentNullException.ThrowIfNull(network);
        return DefineNetwork(network.ToXmlString(), options);
    }

    /// <summary>Defines a persistent network from XML text (<c>virNetworkDefineXMLFlags</c>), validating it by default.</summary>
    /// <param name="xml">A <c>&lt;network&gt;</c> document.</param>
    /// <param name="options"><see cref="NetworkDefineOptions.Validate"/> (the default) or <see cref="NetworkDefineOptions.None"/>.</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentException"><paramref name="xml"/> contains a NUL character.</exception>
    /// <exception cref="LibvirtException">libvirt refused; see <see cref="DefineNetwork(NetworkXml, NetworkDefineOptions)"/>.</exception>
    public LibvirtNetwork DefineNetwork(string xml, NetworkDefineOptions options = NetworkDefineOptions.Validate)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return new(this, LibvirtCall.Begin(nameof(Libvirt.virNetworkDefineXMLFlags)).Check(Libvirt.virNetworkDefineXMLFlags(Handle, xml, LibvirtFlags.NetworkDefine(options))));
    }

    /// <summary>Looks up a network by name (<c>virNetworkLookupByName</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The network.</returns>
    /// <exception cref="LibvirtNotFoundException">No network has that name.</exception>
    public LibvirtNetwork GetNetwork(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(this, LibvirtCall.Begin(nameof(Libvirt.virNetworkLookupByName)).Check(Libvirt.virNetworkLookupByName(Handle, name)));
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
        return Array.ConvertAll(LibvirtProxy.ListAllNetworks(Handle, LibvirtFlags.ListNetworks(filter)), handle => new LibvirtNetwork(this, handle));
    }
}
