using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace LibvirtNested.Interop;

/// <summary><c>virNetworkDHCPLease</c> from libvirt-network.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirNetworkDHCPLease
{
    public nint Iface;
    public long ExpiryTime;
    public int Type;
    public nint Mac;
    public nint Iaid;
    public nint IpAddr;
    public uint Prefix;
    public nint Hostname;
    public nint ClientId;
}

/// <content>libvirt-network.h: virtual networks.</content>
internal static unsafe partial class Libvirt
{
    internal const uint VIR_NETWORK_UPDATE_COMMAND_DELETE = 2;
    internal const uint VIR_NETWORK_UPDATE_COMMAND_ADD_LAST = 3;
    internal const uint VIR_NETWORK_SECTION_IP_DHCP_HOST = 4;
    internal const int VIR_IP_ADDR_TYPE_IPV4 = 0;
    internal const int VIR_IP_ADDR_TYPE_IPV6 = 1;

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial NetworkHandle virNetworkDefineXMLFlags(ConnectHandle conn, string xml, uint flags);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial NetworkHandle virNetworkLookupByName(ConnectHandle conn, string name);

    [LibraryImport(LibraryName)]
    internal static partial int virConnectListAllNetworks(ConnectHandle conn, nint** nets, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virNetworkFree(nint network);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(ConstUtf8StringMarshaller))]
    internal static partial string? virNetworkGetName(NetworkHandle network);

    [LibraryImport(LibraryName)]
    internal static partial int virNetworkGetUUIDString(NetworkHandle network, byte* buf);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virNetworkGetXMLDesc(NetworkHandle network, uint flags);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virNetworkGetBridgeName(NetworkHandle network);

    [LibraryImport(LibraryName)]
    internal static partial int virNetworkCreate(NetworkHandle network);

    [LibraryImport(LibraryName)]
    internal static partial int virNetworkDestroy(NetworkHandle network);

    [LibraryImport(LibraryName)]
    internal static partial int virNetworkUndefine(NetworkHandle network);

    [LibraryImport(LibraryName)]
    internal static partial int virNetworkIsActive(NetworkHandle network);

    [LibraryImport(LibraryName)]
    internal static partial int virNetworkIsPersistent(NetworkHandle network);

    [LibraryImport(LibraryName)]
    internal static partial int virNetworkGetAutostart(NetworkHandle network, out int autostart);

    [LibraryImport(LibraryName)]
    internal static partial int virNetworkSetAutostart(NetworkHandle network, int autostart);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial int virNetworkUpdate(NetworkHandle network, uint command, uint section, int parentIndex, string xml, uint flags);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial int virNetworkGetDHCPLeases(NetworkHandle network, string? mac, VirNetworkDHCPLease*** leases, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial void virNetworkDHCPLeaseFree(VirNetworkDHCPLease* lease);
}
