using System.Net;

namespace LibvirtNested.Interop;

/// <summary>
/// Checked wrappers for the calls that hand back native arrays, structs or buffers, so that no pointer leaves
/// the interop folder: each copies what libvirt returned into managed objects and frees libvirt's memory.
/// </summary>
internal static unsafe class LibvirtProxy
{
    internal static Guid DomainUuid(DomainHandle domain)
    {
        var buffer = stackalloc byte[Libvirt.VIR_UUID_STRING_BUFLEN];
        LibvirtCall.Begin(nameof(Libvirt.virDomainGetUUIDString)).Check(Libvirt.virDomainGetUUIDString(domain, buffer));
        return Guid.Parse(new ReadOnlySpan<byte>(buffer, Libvirt.VIR_UUID_STRING_BUFLEN - 1));
    }

    internal static Guid NetworkUuid(NetworkHandle network)
    {
        var buffer = stackalloc byte[Libvirt.VIR_UUID_STRING_BUFLEN];
        LibvirtCall.Begin(nameof(Libvirt.virNetworkGetUUIDString)).Check(Libvirt.virNetworkGetUUIDString(network, buffer));
        return Guid.Parse(new ReadOnlySpan<byte>(buffer, Libvirt.VIR_UUID_STRING_BUFLEN - 1));
    }

    internal static LibvirtNodeInfo NodeInfo(ConnectHandle connection)
    {
        VirNodeInfo info;
        LibvirtCall.Begin(nameof(Libvirt.virNodeGetInfo)).Check(Libvirt.virNodeGetInfo(connection, &info));
        var model = new ReadOnlySpan<byte>(info.Model, 32);
        var end = model.IndexOf((byte)0);
        return new LibvirtNodeInfo
        {
            CpuModel = System.Text.Encoding.UTF8.GetString(end < 0 ? model : model[..end]),
            MemoryBytes = (ulong)info.Memory * 1024,
            Cpus = (int)info.Cpus,
            Mhz = (int)info.Mhz,
            NumaNodes = (int)info.Nodes,
            Sockets = (int)info.Sockets,
            CoresPerSocket = (int)info.Cores,
            ThreadsPerCore = (int)info.Threads,
        };
    }

    /// <summary><c>virNodeGetFreeMemory</c> answers 0 on failure; libvirt then always sets an error (one of no cause when the driver just counted 0).</summary>
    internal static ulong NodeFreeMemory(ConnectHandle connection)
    {
        var call = LibvirtCall.Begin(nameof(Libvirt.virNodeGetFreeMemory));
        var free = Libvirt.virNodeGetFreeMemory(connection);
        if (free == 0)
        {
            throw call.Fail();
        }

        call.Succeeded();
        return free;
    }

    internal static DomainInfo DomainInfo(DomainHandle domain)
    {
        LibvirtCall.Begin(nameof(Libvirt.virDomainGetInfo)).Check(Libvirt.virDomainGetInfo(domain, out var info));
        return new DomainInfo((DomainState)info.State, (ulong)info.MaxMem * 1024, (ulong)info.Memory * 1024, info.NrVirtCpu, TimeSpan.FromTicks((long)(info.CpuTime / 100)));
    }

    internal static DomainHandle[] ListAllDomains(ConnectHandle connection, uint flags)
    {
        nint* array = null;
        var count = LibvirtCall.Begin(nameof(Libvirt.virConnectListAllDomains)).Check(Libvirt.virConnectListAllDomains(connection, &array, flags));
        return Own(array, count, DomainHandle.Own);
    }

    internal static NetworkHandle[] ListAllNetworks(ConnectHandle connection, uint flags)
    {
        nint* array = null;
        var count = LibvirtCall.Begin(nameof(Libvirt.virConnectListAllNetworks)).Check(Libvirt.virConnectListAllNetworks(connection, &array, flags));
        return Own(array, count, NetworkHandle.Own);
    }

    internal static StoragePoolHandle[] ListAllStoragePools(ConnectHandle connection, uint flags)
    {
        nint* array = null;
        var count = LibvirtCall.Begin(nameof(Libvirt.virConnectListAllStoragePools)).Check(Libvirt.virConnectListAllStoragePools(connection, &array, flags));
        return Own(array, count, StoragePoolHandle.Own);
    }

    internal static DhcpLease[] GetDhcpLeases(NetworkHandle network, string? mac)
    {
        VirNetworkDHCPLease** leases = null;
        var count = LibvirtCall.Begin(nameof(Libvirt.virNetworkGetDHCPLeases)).Check(Libvirt.virNetworkGetDHCPLeases(network, mac, &leases, 0));
        var result = new DhcpLease[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                var lease = leases[i];
                result[i] = new DhcpLease
                {
                    Interface = Libvirt.CopyString(lease->Iface) ?? string.Empty,
                    MacAddress = Libvirt.CopyString(lease->Mac),
                    IPAddress = ParseAddress(Libvirt.CopyString(lease->IpAddr)),
                    Prefix = (int)lease->Prefix,
                    HostName = Libvirt.CopyString(lease->Hostname),
                    ClientId = Libvirt.CopyString(lease->ClientId),
                    Iaid = Libvirt.CopyString(lease->Iaid),
                    ExpiresAt = lease->ExpiryTime == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(lease->ExpiryTime),
                };
            }
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                Libvirt.virNetworkDHCPLeaseFree(leases[i]);
            }

            Libvirt.FreeArray(leases);
        }

        return result;
    }

    internal static DomainInterfaceAddresses[] InterfaceAddresses(DomainHandle domain, uint source)
    {
        VirDomainInterface** interfaces = null;
        var count = LibvirtCall.Begin(nameof(Libvirt.virDomainInterfaceAddresses)).Check(
            Libvirt.virDomainInterfaceAddresses(domain, &interfaces, source, 0));
        var result = new DomainInterfaceAddresses[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                var iface = interfaces[i];
                var addresses = new List<DomainIPAddress>((int)iface->NAddrs);
                for (var j = 0; j < iface->NAddrs; j++)
                {
                    if (ParseAddress(Libvirt.CopyString(iface->Addrs[j].Addr)) is { } address)
                    {
                        addresses.Add(new DomainIPAddress { Address = address, Prefix = (int)iface->Addrs[j].Prefix });
                    }
                }

                result[i] = new DomainInterfaceAddresses
                {
                    Name = Libvirt.CopyString(iface->Name) ?? string.Empty,
                    MacAddress = Libvirt.CopyString(iface->HwAddr),
                    Addresses = addresses,
                };
            }
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                Libvirt.virDomainInterfaceFree(interfaces[i]);
            }

            Libvirt.FreeArray(interfaces);
        }

        return result;
    }

    /// <summary>
    /// A new reference to the connection a domain belongs to (<c>virDomainGetConnect</c> + <c>virConnectRef</c>): the
    /// domain keeps its connection open in libvirt even after the caller's connection object was disposed.
    /// </summary>
    internal static ConnectHandle DomainConnection(DomainHandle domain)
    {
        var call = LibvirtCall.Begin(nameof(Libvirt.virDomainGetConnect));
        var connection = Libvirt.virDomainGetConnect(domain);
        if (connection == 0)
        {
            throw call.Fail();
        }

        call.Succeeded();

        LibvirtCall.Begin(nameof(Libvirt.virConnectRef)).Check(Libvirt.virConnectRef(connection));
        return ConnectHandle.Own(connection);
    }

    /// <summary>
    /// Adds or deletes one <c>&lt;host&gt;</c> of the IPv4 <c>&lt;dhcp&gt;</c> (<c>virNetworkUpdate</c> on section
    /// IP_DHCP_HOST, parent index -1: the first <c>&lt;ip&gt;</c> that has a <c>&lt;dhcp&gt;</c>).
    /// </summary>
    internal static void UpdateDhcpHost(NetworkHandle network, bool add, string xml, NetworkModificationScope scope)
    {
        var live = scope.HasFlag(NetworkModificationScope.Live)
            && LibvirtCall.Begin(nameof(Libvirt.virNetworkIsActive)).Check(Libvirt.virNetworkIsActive(network)) == 1;
        LibvirtCall.Begin(nameof(Libvirt.virNetworkUpdate)).Check(
            Libvirt.virNetworkUpdate(
                network,
                add ? Libvirt.VIR_NETWORK_UPDATE_COMMAND_ADD_LAST : Libvirt.VIR_NETWORK_UPDATE_COMMAND_DELETE,
                Libvirt.VIR_NETWORK_SECTION_IP_DHCP_HOST,
                -1,
                xml,
                LibvirtFlags.NetworkUpdate(scope, live)));
    }

    private static T[] Own<T>(nint* array, int count, Func<nint, T> own)
    {
        try
        {
            var handles = new T[count];
            for (var i = 0; i < count; i++)
            {
                handles[i] = own(array[i]);
            }

            return handles;
        }
        finally
        {
            Libvirt.FreeArray(array);
        }
    }

    private static IPAddress? ParseAddress(string? text) =>
        text is not null && IPAddress.TryParse(text, out var address) ? address : null;
}
