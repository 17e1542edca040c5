using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary><c>virNodeInfo</c> from libvirt-host.h (<c>unsigned long</c> is 64 bits on Linux x86-64 and arm64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VirNodeInfo
{
    public fixed byte Model[32];
    public nuint Memory;
    public uint Cpus;
    public uint Mhz;
    public uint Nodes;
    public uint Sockets;
    public uint Cores;
    public uint Threads;
}

/// <summary><c>virDomainInfo</c> from libvirt-domain.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirDomainInfo
{
    public byte State;
    public nuint MaxMem;
    public nuint Memory;
    public ushort NrVirtCpu;
    public ulong CpuTime;
}

/// <content>libvirt-host.h: the node (host) facts; libvirt-domain.h: a domain's resource summary.</content>
internal static unsafe partial class Libvirt
{
    [LibraryImport(LibraryName)]
    internal static partial int virNodeGetInfo(ConnectHandle conn, VirNodeInfo* info);

    /// <summary><c>unsigned long long virNodeGetFreeMemory(virConnectPtr conn)</c>: bytes, or 0 on error.</summary>
    [LibraryImport(LibraryName)]
    internal static partial ulong virNodeGetFreeMemory(ConnectHandle conn);

    [LibraryImport(LibraryName)]
    internal static partial int virDomainGetInfo(DomainHandle domain, out VirDomainInfo info);
}
