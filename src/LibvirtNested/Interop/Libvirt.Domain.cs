using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace LibvirtNested.Interop;

/// <summary><c>virDomainIPAddress</c> (<c>struct _virDomainInterfaceIPAddress</c>) from libvirt-domain.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirDomainIPAddress
{
    public int Type;
    public nint Addr;
    public uint Prefix;
}

/// <summary><c>virDomainInterface</c> from libvirt-domain.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VirDomainInterface
{
    public nint Name;
    public nint HwAddr;
    public uint NAddrs;
    public VirDomainIPAddress* Addrs;
}

/// <content>libvirt-domain.h: domains.</content>
internal static unsafe partial class Libvirt
{
    internal const int VIR_UUID_STRING_BUFLEN = 37;


    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial DomainHandle virDomainDefineXMLFlags(ConnectHandle conn, string xml, uint flags);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial DomainHandle virDomainLookupByName(ConnectHandle conn, string name);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial DomainHandle virDomainLookupByUUIDString(ConnectHandle conn, string uuidstr);

    [LibraryImport(LibraryName)]
    internal static partial int virConnectListAllDomains(ConnectHandle conn, nint** domains, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainFree(nint domain);

    /// <summary>The domain's connection, borrowed: the domain holds a reference, the caller gets none.</summary>
    [LibraryImport(LibraryName)]
    internal static partial nint virDomainGetConnect(DomainHandle domain);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(ConstUtf8StringMarshaller))]
    internal static partial string? virDomainGetName(DomainHandle domain);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainGetUUIDString(DomainHandle domain, byte* buf);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virDomainGetXMLDesc(DomainHandle domain, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainCreate(DomainHandle domain);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainShutdown(DomainHandle domain);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainReboot(DomainHandle domain, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainShutdownFlags(DomainHandle domain, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainSuspend(DomainHandle domain);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainResume(DomainHandle domain);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainDestroy(DomainHandle domain);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainUndefineFlags(DomainHandle domain, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainGetState(DomainHandle domain, out int state, out int reason, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainIsActive(DomainHandle domain);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainIsPersistent(DomainHandle domain);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainGetAutostart(DomainHandle domain, out int autostart);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainSetAutostart(DomainHandle domain, int autostart);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial int virDomainAttachDeviceFlags(DomainHandle domain, string xml, uint flags);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial int virDomainDetachDeviceFlags(DomainHandle domain, string xml, uint flags);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial int virDomainDetachDeviceAlias(DomainHandle domain, string alias, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainInterfaceAddresses(DomainHandle dom, VirDomainInterface*** ifaces, uint source, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial void virDomainInterfaceFree(VirDomainInterface* iface);
}
