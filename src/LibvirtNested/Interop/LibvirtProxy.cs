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
        LibvirtError.Check(Libvirt.virDomainGetUUIDString(domain, buffer), nameof(Libvirt.virDomainGetUUIDString));
        return Guid.Parse(new ReadOnlySpan<byte>(buffer, Libvirt.VIR_UUID_STRING_BUFLEN - 1));
    }

    internal static Guid NetworkUuid(NetworkHandle network)
    {
        var buffer = stackalloc byte[Libvirt.VIR_UUID_STRING_BUFLEN];
        LibvirtError.Check(Libvirt.virNetworkGetUUIDString(network, buffer), nameof(Libvirt.virNetworkGetUUIDString));
        return Guid.Parse(new ReadOnlySpan<byte>(buffer, Libvirt.VIR_UUID_STRING_BUFLEN - 1));
    }

    internal static DomainHandle[] ListAllDomains(ConnectHandle connection, uint flags)
    {
        nint* array = null;
        var count = LibvirtError.Check(Libvirt.virConnectListAllDomains(connection, &array, flags), nameof(Libvirt.virConnectListAllDomains));
        return Own(array, count, DomainHandle.Own);
    }

    internal static NetworkHandle[] ListAllNetworks(ConnectHandle connection, uint flags)
    {
        nint* array = null;
        var count = LibvirtError.Check(Libvirt.virConnectListAllNetworks(connection, &array, flags), nameof(Libvirt.virConnectListAllNetworks));
        return Own(array, count, NetworkHandle.Own);
    }

    internal static StoragePoolHandle[] ListAllStoragePools(ConnectHandle connection, uint flags)
    {
        nint* array = null;
        var count = LibvirtError.Check(Libvirt.virConnectListAllStoragePools(connection, &array, flags), nameof(Libvirt.virConnectListAllStoragePools));
        return Own(array, count, StoragePoolHandle.Own);
    }

    internal static DhcpLease[] GetDhcpLeases(NetworkHandle network, string? mac)
    {
        VirNetworkDHCPLease** leases = null;
        var count = LibvirtError.Check(Libvirt.virNetworkGetDHCPLeases(network, mac, &leases, 0), nameof(Libvirt.virNetworkGetDHCPLeases));
        var result = new DhcpLease[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                var lease = leases[i];
                result[i] = new DhcpLease(
                    Libvirt.CopyString(lease->Iface) ?? string.Empty,
                    Libvirt.CopyString(lease->Mac),
                    ParseAddress(Libvirt.CopyString(lease->IpAddr)),
                    (int)lease->Prefix,
                    Libvirt.CopyString(lease->Hostname),
                    Libvirt.CopyString(lease->ClientId),
                    Libvirt.CopyString(lease->Iaid),
                    lease->ExpiryTime == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(lease->ExpiryTime));
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
        var count = LibvirtError.Check(
            Libvirt.virDomainInterfaceAddresses(domain, &interfaces, source, 0),
            nameof(Libvirt.virDomainInterfaceAddresses));
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
                        addresses.Add(new DomainIPAddress(address, (int)iface->Addrs[j].Prefix));
                    }
                }

                result[i] = new DomainInterfaceAddresses(Libvirt.CopyString(iface->Name) ?? string.Empty, Libvirt.CopyString(iface->HwAddr), addresses);
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
