using System.Net;
using System.Xml.Linq;
using LibvirtNested.Interop;
using LibvirtNested.Xml.Network;

namespace LibvirtNested;

/// <summary>A virtual network of a <see cref="LibvirtConnection"/> (<c>virNetworkPtr</c>). Dispose it to release libvirt's reference.</summary>
public sealed class LibvirtNetwork : LibvirtObject
{
    private const NetworkModificationScope LiveAndConfig = NetworkModificationScope.Live | NetworkModificationScope.Config;

    internal LibvirtNetwork(LibvirtConnection connection, NetworkHandle handle)
        : base(handle)
    {
        Connection = connection;
    }

    /// <summary>The connection this network was obtained from.</summary>
    public LibvirtConnection Connection { get; }

    /// <summary>The network's name (<c>virNetworkGetName</c>).</summary>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public override string Name
    {
        get => LibvirtCall.Begin(nameof(Libvirt.virNetworkGetName)).CheckString(Libvirt.virNetworkGetName(Handle));
    }

    /// <summary>The network's UUID (<c>virNetworkGetUUIDString</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Guid Uuid => LibvirtProxy.NetworkUuid(Handle);

    /// <summary>The host bridge the network uses, e.g. <c>virbr1</c> (<c>virNetworkGetBridgeName</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed, e.g. the network has no bridge.</exception>
    public string BridgeName => LibvirtCall.Begin(nameof(Libvirt.virNetworkGetBridgeName)).CheckString(Libvirt.virNetworkGetBridgeName(Handle));

    /// <summary>Whether the network is started (<c>virNetworkIsActive</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public bool IsActive => LibvirtCall.Begin(nameof(Libvirt.virNetworkIsActive)).Check(Libvirt.virNetworkIsActive(Handle)) == 1;

    /// <summary>Whether the network has a persistent definition (<c>virNetworkIsPersistent</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public bool IsPersistent => LibvirtCall.Begin(nameof(Libvirt.virNetworkIsPersistent)).Check(Libvirt.virNetworkIsPersistent(Handle)) == 1;

    /// <summary>Whether the network starts with the daemon (<c>virNetworkGetAutostart</c> / <c>virNetworkSetAutostart</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public bool Autostart
    {
        get
        {
            LibvirtCall.Begin(nameof(Libvirt.virNetworkGetAutostart)).Check(Libvirt.virNetworkGetAutostart(Handle, out var autostart));
            return autostart != 0;
        }

        set => LibvirtCall.Begin(nameof(Libvirt.virNetworkSetAutostart)).Check(Libvirt.virNetworkSetAutostart(Handle, value ? 1 : 0));
    }

    /// <inheritdoc/>
    private protected override string Kind => "network";

    private NetworkHandle Handle => GuardedHandle<NetworkHandle>();

    /// <summary>The persistent definition (<c>virNetworkGetXMLDesc</c> with <c>VIR_NETWORK_XML_INACTIVE</c>, <c>virsh net-dumpxml --inactive</c>) as a typed document.</summary>
    /// <returns>The document.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public NetworkXml GetInactiveXml() => NetworkXml.Parse(GetInactiveXmlString());

    /// <summary>The running network's state (<c>virNetworkGetXMLDesc</c>, <c>virsh net-dumpxml</c>), e.g. with its assigned bridge; for an inactive network, its definition.</summary>
    /// <returns>The document.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public NetworkXml GetLiveXml() => NetworkXml.Parse(GetLiveXmlString());

    /// <summary>The persistent definition's XML text (<c>virNetworkGetXMLDesc</c> with <c>VIR_NETWORK_XML_INACTIVE</c>).</summary>
    /// <returns>The XML text.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string GetInactiveXmlString() => GetXmlDesc(inactive: true);

    /// <summary>The running network's XML text (<c>virNetworkGetXMLDesc</c>).</summary>
    /// <returns>The XML text.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string GetLiveXmlString() => GetXmlDesc(inactive: false);

    /// <summary>Starts the network (<c>virNetworkCreate</c>, <c>virsh net-start</c>): bridge, DHCP and NAT rules.</summary>
    /// <exception cref="LibvirtOperationInvalidException">The network is already active.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Start() => LibvirtCall.Begin(nameof(Libvirt.virNetworkCreate)).Check(Libvirt.virNetworkCreate(Handle));

    /// <summary>Stops the network (<c>virNetworkDestroy</c>, <c>virsh net-destroy</c>).</summary>
    /// <exception cref="LibvirtOperationInvalidException">The network is not active.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Destroy() => LibvirtCall.Begin(nameof(Libvirt.virNetworkDestroy)).Check(Libvirt.virNetworkDestroy(Handle));

    /// <summary>Removes the persistent definition (<c>virNetworkUndefine</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Undefine() => LibvirtCall.Begin(nameof(Libvirt.virNetworkUndefine)).Check(Libvirt.virNetworkUndefine(Handle));

    /// <summary>The network's DHCP leases (<c>virNetworkGetDHCPLeases</c>, <c>virsh net-dhcp-leases</c>).</summary>
    /// <param name="macAddress">Only leases of this MAC address; null for all.</param>
    /// <returns>The leases.</returns>
    /// <exception cref="LibvirtUnsupportedOperationException">The driver has no lease support (the test driver).</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public IReadOnlyList<DhcpLease> GetDhcpLeases(string? macAddress = null) => LibvirtProxy.GetDhcpLeases(Handle, macAddress);

    /// <summary>
    /// Adds a static DHCP host (<c>&lt;ip&gt;&lt;dhcp&gt;&lt;host mac ip name/&gt;</c>) to the running network and its
    /// definition without restarting it (<c>virNetworkUpdate</c> ADD_LAST on section IP_DHCP_HOST,
    /// <c>virsh net-update add-last ip-dhcp-host</c>); the same parameters as <c>NatNetworkBuilder.AddDhcpHost</c>.
    /// </summary>
    /// <param name="macAddress">The guest's MAC address.</param>
    /// <param name="ipAddress">The address to hand out.</param>
    /// <param name="hostName">The host name to hand out, if any.</param>
    /// <param name="scope">The running network (skipped when it is not active), the definition, or both (the default).</param>
    /// <exception cref="ArgumentException">A string contains a NUL or another character XML cannot hold.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scope"/> holds an unknown flag.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt refused, e.g. the MAC or address is already used.</exception>
    public void AddDhcpHost(string macAddress, IPAddress ipAddress, string? hostName = null, NetworkModificationScope scope = LiveAndConfig)
    {
        ArgumentNullException.ThrowIfNull(macAddress);
        ArgumentNullException.ThrowIfNull(ipAddress);
        UpdateDhcpHost(add: true, DhcpHost(macAddress, ipAddress, hostName), scope);
    }

    /// <summary>
    /// Adds a typed static DHCP host, e.g. one built from <c>NetworkXml</c>'s model, to the running network and its
    /// definition without restarting it (<c>virNetworkUpdate</c> ADD_LAST on section IP_DHCP_HOST).
    /// </summary>
    /// <param name="host">The <c>&lt;host&gt;</c> element view.</param>
    /// <param name="scope">The running network (skipped when it is not active), the definition, or both (the default).</param>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt refused, e.g. the MAC or address is already used.</exception>
    public void AddDhcpHost(NetworkDhcpHost host, NetworkModificationScope scope = LiveAndConfig)
    {
        ArgumentNullException.ThrowIfNull(host);
        UpdateDhcpHost(add: true, host.Element.ToString(SaveOptions.DisableFormatting), scope);
    }

    /// <summary>Removes a typed static DHCP host (<c>virNetworkUpdate</c> DELETE on section IP_DHCP_HOST); libvirt matches on its MAC/IP.</summary>
    /// <param name="host">The <c>&lt;host&gt;</c> element view, e.g. one of the network's current hosts.</param>
    /// <param name="scope">The running network (skipped when it is not active), the definition, or both (the default).</param>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtOperationInvalidException">No matching host entry.</exception>
    /// <exception cref="LibvirtException">libvirt refused.</exception>
    public void RemoveDhcpHost(NetworkDhcpHost host, NetworkModificationScope scope = LiveAndConfig)
    {
        ArgumentNullException.ThrowIfNull(host);
        UpdateDhcpHost(add: false, host.Element.ToString(SaveOptions.DisableFormatting), scope);
    }

    /// <summary>Removes the static DHCP host with this MAC address (<c>virNetworkUpdate</c> DELETE on section IP_DHCP_HOST).</summary>
    /// <param name="macAddress">The MAC address of the host entry.</param>
    /// <param name="ipAddress">Its address, when the entry has one (libvirt matches on the given attributes).</param>
    /// <param name="scope">The running network (skipped when it is not active), the definition, or both (the default).</param>
    /// <exception cref="ArgumentException"><paramref name="macAddress"/> contains a NUL or another character XML cannot hold.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt refused, e.g. no such host entry.</exception>
    public void RemoveDhcpHost(string macAddress, IPAddress? ipAddress = null, NetworkModificationScope scope = LiveAndConfig)
    {
        ArgumentNullException.ThrowIfNull(macAddress);
        UpdateDhcpHost(add: false, DhcpHost(macAddress, ipAddress, null), scope);
    }

    private static string DhcpHost(string mac, IPAddress? ip, string? name)
    {
        var host = new XElement("host", new XAttribute("mac", mac));
        if (name is not null)
        {
            host.Add(new XAttribute("name", name));
        }

        if (ip is not null)
        {
            host.Add(new XAttribute("ip", ip.ToString()));
        }

        return host.ToString(SaveOptions.DisableFormatting);
    }

    private void UpdateDhcpHost(bool add, string xml, NetworkModificationScope scope) =>
        LibvirtProxy.UpdateDhcpHost(Handle, add, xml, scope);

    private string GetXmlDesc(bool inactive) =>
        LibvirtCall.Begin(nameof(Libvirt.virNetworkGetXMLDesc)).CheckString(
            Libvirt.virNetworkGetXMLDesc(Handle, LibvirtFlags.NetworkXml(inactive)));
}
