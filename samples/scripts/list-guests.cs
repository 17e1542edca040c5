#!/usr/bin/env -S dotnet run
// Lists the guests with their state and, for running ones, their addresses (DHCP leases of libvirt's networks;
// pass --agent to ask the QEMU guest agent instead).
//   dotnet run list-guests.cs -- URI [--agent]
#:project ../../src/LibvirtNested/LibvirtNested.csproj
using LibvirtNested;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: dotnet run list-guests.cs -- URI [--agent]");
    return 2;
}

var source = args.Contains("--agent") ? DomainAddressSource.Agent : DomainAddressSource.Lease;
try
{
    using var connection = LibvirtConnection.Open(args[0]);
    foreach (var domain in connection.ListDomains())
    {
        using (domain)
        {
            var state = domain.GetState().State;
            var addresses = new List<string>();
            if (domain.IsActive)
            {
                try
                {
                    addresses.AddRange(domain.GetInterfaceAddresses(source).SelectMany(nic => nic.Addresses).Select(a => a.ToString()));
                }
                catch (LibvirtException e)
                {
                    addresses.Add($"(addresses unavailable: {e.LibvirtMessage})");
                }
            }

            Console.WriteLine($"{domain.Name,-24} {state,-10} {string.Join(", ", addresses)}");
        }
    }

    return 0;
}
catch (LibvirtException e)
{
    Console.Error.WriteLine($"list-guests: {e.Message}");
    return 1;
}
