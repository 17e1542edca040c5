namespace LibvirtNested.Interop;

/// <summary>
/// The one place where public options become libvirt's flag words, so that no public class holds a raw
/// <c>VIR_*</c> value and every enum's numbering is checked against libvirt's headers here.
/// </summary>
internal static class LibvirtFlags
{
    /// <summary>The flags word of calls whose flags are reserved for future use, or whose default is wanted (<c>*_NORMAL</c>, <c>*_BUILD_NEW</c>).</summary>
    internal const uint None = 0;

    private const uint DomainXmlKnown = VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_UPDATE_CPU | VIR_DOMAIN_XML_MIGRATABLE;

    private const uint VIR_CONNECT_RO = 1 << 0;
    private const uint VIR_DOMAIN_XML_SECURE = 1 << 0;
    private const uint VIR_DOMAIN_XML_INACTIVE = 1 << 1;
    private const uint VIR_DOMAIN_XML_UPDATE_CPU = 1 << 2;
    private const uint VIR_DOMAIN_XML_MIGRATABLE = 1 << 3;
    private const uint VIR_DOMAIN_DEFINE_VALIDATE = 1 << 0;
    private const uint VIR_NETWORK_DEFINE_VALIDATE = 1 << 0;
    private const uint VIR_NETWORK_XML_INACTIVE = 1 << 0;
    private const uint VIR_STORAGE_XML_INACTIVE = 1 << 0;
    private const uint VIR_NETWORK_UPDATE_AFFECT_LIVE = 1 << 0;
    private const uint VIR_NETWORK_UPDATE_AFFECT_CONFIG = 1 << 1;
    private const uint VIR_DOMAIN_AFFECT_LIVE = 1 << 0;
    private const uint VIR_DOMAIN_AFFECT_CONFIG = 1 << 1;
    private const uint VIR_CONNECT_LIST_ACTIVE = 1 << 0;
    private const uint VIR_CONNECT_LIST_INACTIVE = 1 << 1;
    private const uint VIR_CONNECT_LIST_NETWORKS_INACTIVE = 1 << 0;
    private const uint VIR_CONNECT_LIST_NETWORKS_ACTIVE = 1 << 1;
    private const uint VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE = 1 << 0;
    private const uint VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE = 1 << 1;
    private const uint DomainUndefineKnown = (1 << 7) - 1;
    private const uint DomainShutdownKnown = (1 << 5) - 1; // ACPI_POWER_BTN, GUEST_AGENT, INITCTL, SIGNAL, PARAVIRT.

    /// <summary><c>virConnectFlags</c> for <c>virConnectOpenAuth</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="access"/> is not a defined value.</exception>
    internal static uint ConnectOpen(LibvirtConnectionAccess access) => access switch
    {
        LibvirtConnectionAccess.ReadWrite => 0,
        LibvirtConnectionAccess.ReadOnly => VIR_CONNECT_RO,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Not a LibvirtConnectionAccess value."),
    };

    /// <summary><c>virDomainXMLFlags</c> for <c>virDomainGetXMLDesc</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds an unknown bit.</exception>
    internal static uint DomainXml(bool inactive, DomainXmlOptions options) =>
        Known((uint)options, DomainXmlKnown, nameof(options)) | (inactive ? VIR_DOMAIN_XML_INACTIVE : 0);

    /// <summary><c>virDomainDefineFlags</c> for <c>virDomainDefineXMLFlags</c>.</summary>
    internal static uint DomainDefine(DomainDefineOptions options) =>
        Known((uint)options, VIR_DOMAIN_DEFINE_VALIDATE, nameof(options));

    /// <summary><c>virDomainUndefineFlagsValues</c>.</summary>
    internal static uint DomainUndefine(DomainUndefineOptions options) =>
        Known((uint)options, DomainUndefineKnown, nameof(options));

    /// <summary><c>virDomainModificationImpact</c> for device attach and detach.</summary>
    internal static uint DomainModification(DomainModificationScope scope) =>
        Known((uint)scope, VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, nameof(scope));

    /// <summary><c>virDomainShutdownFlagValues</c> for <c>virDomainShutdownFlags</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> holds an unknown bit.</exception>
    internal static uint DomainShutdown(DomainShutdownMode mode) =>
        Known((uint)mode, DomainShutdownKnown, nameof(mode));

    /// <summary><c>virDomainInterfaceAddressesSource</c>.</summary>
    internal static uint AddressSource(DomainAddressSource source) =>
        source is DomainAddressSource.Lease or DomainAddressSource.Agent or DomainAddressSource.Arp
            ? (uint)source
            : throw new ArgumentOutOfRangeException(nameof(source), source, "Not a virDomainInterfaceAddressesSource value.");

    /// <summary><c>virNetworkDefineFlags</c>.</summary>
    internal static uint NetworkDefine(NetworkDefineOptions options) =>
        Known((uint)options, VIR_NETWORK_DEFINE_VALIDATE, nameof(options));

    /// <summary><c>virNetworkXMLFlags</c>.</summary>
    internal static uint NetworkXml(bool inactive) => inactive ? VIR_NETWORK_XML_INACTIVE : 0;

    /// <summary><c>virStorageXMLFlags</c>.</summary>
    internal static uint StoragePoolXml(bool inactive) => inactive ? VIR_STORAGE_XML_INACTIVE : 0;

    /// <summary>
    /// <c>virNetworkUpdateFlags</c>. libvirt refuses AFFECT_LIVE on a network that is not running; this library's
    /// <see cref="NetworkModificationScope.Live"/> means "the running network, if there is one", so the bit is
    /// dropped for an inactive network (and the call then changes the definition, or nothing but the check).
    /// </summary>
    internal static uint NetworkUpdate(NetworkModificationScope scope, bool networkActive)
    {
        var flags = Known((uint)scope, VIR_NETWORK_UPDATE_AFFECT_LIVE | VIR_NETWORK_UPDATE_AFFECT_CONFIG, nameof(scope));
        return networkActive ? flags : flags & ~VIR_NETWORK_UPDATE_AFFECT_LIVE;
    }

    /// <summary><c>virConnectListAllDomainsFlags</c>.</summary>
    internal static uint ListDomains(LibvirtListFilter filter) => filter switch
    {
        LibvirtListFilter.Active => VIR_CONNECT_LIST_ACTIVE,
        LibvirtListFilter.Inactive => VIR_CONNECT_LIST_INACTIVE,
        _ => 0,
    };

    /// <summary><c>virConnectListAllNetworksFlags</c>.</summary>
    internal static uint ListNetworks(LibvirtListFilter filter) => filter switch
    {
        LibvirtListFilter.Active => VIR_CONNECT_LIST_NETWORKS_ACTIVE,
        LibvirtListFilter.Inactive => VIR_CONNECT_LIST_NETWORKS_INACTIVE,
        _ => 0,
    };

    /// <summary><c>virConnectListAllStoragePoolsFlags</c>.</summary>
    internal static uint ListStoragePools(LibvirtListFilter filter) => filter switch
    {
        LibvirtListFilter.Active => VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE,
        LibvirtListFilter.Inactive => VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE,
        _ => 0,
    };

    private static uint Known(uint value, uint known, string parameter) =>
        (value & ~known) == 0
            ? value
            : throw new ArgumentOutOfRangeException(parameter, value, "The value holds a bit this libvirt binding does not know.");
}
