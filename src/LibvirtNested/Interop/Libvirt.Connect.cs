using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace LibvirtNested.Interop;

/// <summary><c>virConnectCredential</c> from libvirt-host.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirConnectCredential
{
    public int Type;
    public nint Prompt;
    public nint Challenge;
    public nint DefResult;
    public nint Result;
    public uint ResultLen;
}

/// <summary><c>virConnectAuth</c> from libvirt-host.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VirConnectAuth
{
    public int* CredType;
    public uint NCredType;
    public delegate* unmanaged<VirConnectCredential*, uint, void*, int> Callback;
    public void* CallbackData;
}

/// <content>libvirt-host.h: connections and host facts.</content>
internal static unsafe partial class Libvirt
{
    internal const uint VIR_CONNECT_RO = 1 << 0;

    internal const int VIR_CRED_USERNAME = 1;
    internal const int VIR_CRED_AUTHNAME = 2;
    internal const int VIR_CRED_LANGUAGE = 3;
    internal const int VIR_CRED_CNONCE = 4;
    internal const int VIR_CRED_PASSPHRASE = 5;
    internal const int VIR_CRED_ECHOPROMPT = 6;
    internal const int VIR_CRED_NOECHOPROMPT = 7;
    internal const int VIR_CRED_REALM = 8;
    internal const int VIR_CRED_EXTERNAL = 9;

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial ConnectHandle virConnectOpen(string? name);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial ConnectHandle virConnectOpenReadOnly(string? name);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial ConnectHandle virConnectOpenAuth(string? name, VirConnectAuth* auth, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virConnectClose(nint conn);

    [LibraryImport(LibraryName)]
    internal static partial int virConnectRef(nint conn);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virConnectGetURI(ConnectHandle conn);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virConnectGetHostname(ConnectHandle conn);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(ConstUtf8StringMarshaller))]
    internal static partial string? virConnectGetType(ConnectHandle conn);

    [LibraryImport(LibraryName)]
    internal static partial int virConnectGetLibVersion(ConnectHandle conn, out ulong libVer);

    [LibraryImport(LibraryName)]
    internal static partial int virConnectGetVersion(ConnectHandle conn, out ulong hvVer);

    [LibraryImport(LibraryName)]
    internal static partial int virConnectIsAlive(ConnectHandle conn);

    /// <summary>
    /// <c>int virConnectSetKeepAlive(virConnectPtr conn, int interval, unsigned int count)</c>: -1 on error
    /// (<c>VIR_ERR_NO_SUPPORT</c> for in-process drivers), 0 when enabled, 1 when the daemon has no keepalive.
    /// </summary>
    [LibraryImport(LibraryName)]
    internal static partial int virConnectSetKeepAlive(ConnectHandle conn, int interval, uint count);

    /// <summary>
    /// <c>int virConnectRegisterCloseCallback(virConnectPtr conn, virConnectCloseFunc cb, void *opaque,
    /// virFreeCallback freecb)</c>; the callback is <c>void (*)(virConnectPtr conn, int reason, void *opaque)</c>.
    /// Drivers without close callbacks (the test driver) return 0 and keep nothing, so <paramref name="free"/> is
    /// then never called.
    /// </summary>
    [LibraryImport(LibraryName)]
    internal static partial int virConnectRegisterCloseCallback(nint conn, delegate* unmanaged<nint, int, nint, void> callback, nint opaque, delegate* unmanaged<nint, void> free);

    /// <summary><c>int virConnectUnregisterCloseCallback(virConnectPtr conn, virConnectCloseFunc cb)</c>: calls the free callback synchronously when one is held.</summary>
    [LibraryImport(LibraryName)]
    internal static partial int virConnectUnregisterCloseCallback(nint conn, delegate* unmanaged<nint, int, nint, void> callback);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virConnectGetCapabilities(ConnectHandle conn);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virConnectGetDomainCapabilities(ConnectHandle conn, string? emulatorbin, string? arch, string? machine, string? virttype, uint flags);
}
