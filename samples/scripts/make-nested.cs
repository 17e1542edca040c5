#!/usr/bin/env -S dotnet run
// Makes an existing guest nested-capable: <cpu mode='host-passthrough'/>, applied atomically like `virsh edit`.
//   dotnet run make-nested.cs -- URI GUEST [--dry-run]
//   dotnet run make-nested.cs -- qemu:///system myguest
#:project ../../src/LibvirtNested/LibvirtNested.csproj
using LibvirtNested;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: dotnet run make-nested.cs -- URI GUEST [--dry-run]");
    return 2;
}

var (uri, guest, dryRun) = (args[0], args[1], args.Contains("--dry-run"));
try
{
    using var connection = LibvirtConnection.Open(uri);
    var result = connection.EditDomain(guest, domain => domain.UseHostPassthrough(), new EditOptions { DryRun = dryRun });
    Console.WriteLine(!result.Changed ? $"{guest}: already host-passthrough." : result.Applied ? $"{guest}: now host-passthrough." : $"{guest}: would change:");
    Console.Write(result.Diff);
    return 0;
}
catch (LibvirtException e)
{
    Console.Error.WriteLine($"make-nested: {e.Message}");
    return 1;
}
