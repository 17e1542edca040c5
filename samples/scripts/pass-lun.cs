#!/usr/bin/env -S dotnet run
// Passes a host block device to a guest as a SCSI LUN (device='lun' on a virtio-scsi controller). On a local real
// host the device is first checked: a block device, not mounted, not swap, no mounted partition or holder.
//   dotnet run pass-lun.cs -- URI GUEST DEVICE [--dry-run] [--skip-device-check]
//   dotnet run pass-lun.cs -- qemu:///system myguest /dev/disk/by-id/wwn-0x5000c500a1b2c3d4
#:project ../../src/LibvirtNested/LibvirtNested.csproj
using LibvirtNested;
using LibvirtNested.Host;
using LibvirtNested.Xml.Domain;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: dotnet run pass-lun.cs -- URI GUEST DEVICE [--dry-run] [--skip-device-check]");
    return 2;
}

var (uri, guest, device) = (args[0], args[1], args[2]);
// The test driver touches no real device, and a remote URI's devices are on another machine.
var local = !uri.StartsWith("test:", StringComparison.Ordinal) && (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Host.Length == 0);
var check = local && !args.Contains("--skip-device-check");
var options = new LunDiskOptions { VerifyDevice = check ? BlockDeviceSafety.EnsureSafe : null };
try
{
    using var connection = LibvirtConnection.Open(uri);
    var result = connection.EditDomain(
        guest,
        domain =>
        {
            domain.EnsureVirtioScsiController();
            domain.AddLunDisk(device, options);
        },
        new EditOptions { DryRun = args.Contains("--dry-run") });
    Console.WriteLine(!result.Changed ? $"{guest}: {device} is already attached." : result.Applied ? $"{guest}: {device} attached as a LUN." : $"{guest}: would change:");
    Console.Write(result.Diff);
    return 0;
}
catch (Exception e) when (e is LibvirtException or BlockDeviceSafetyException or ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"pass-lun: {e.Message}");
    return 1;
}
