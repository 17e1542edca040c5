using System.Text.Json;
using LibvirtNested.Host;

namespace LibvirtNested.Samples.NestedStack;

/// <summary>
/// What L1 reports about itself, run inside L1 from L0's build: the library's readiness probe (the walkthrough's
/// "L1 guest check") and the block-device safety check of the scsi_debug disk before L0 passes it to L2.
/// </summary>
internal sealed record L1Report
{
    public required ReadinessSummary Readiness { get; init; }

    /// <summary>The scsi_debug disk, e.g. /dev/sda; null when none appeared.</summary>
    public string? ScsiDevice { get; init; }

    public string? ScsiVendor { get; init; }

    public string? ScsiModel { get; init; }

    /// <summary>What <see cref="BlockDeviceSafety"/> found on the disk: empty when nothing uses it.</summary>
    public IReadOnlyList<string> ScsiDeviceUses { get; init; } = [];

    /// <summary>Whether <see cref="BlockDeviceSafety.Ensure"/> passed (nothing mounted, no holders, no swap, no partitions in use).</summary>
    public bool ScsiDeviceSafe { get; init; }

    public string? ScsiSafetyError { get; init; }

    public required string KernelRelease { get; init; }

    public static int Write(string path)
    {
        var report = Create();
        File.WriteAllText(path, JsonSerializer.Serialize(report, Json.Options));
        Console.WriteLine($"L1 report: verdict {report.Readiness.Verdict}, svm {report.Readiness.HasSvm}, scsi {report.ScsiDevice} safe {report.ScsiDeviceSafe}");
        return 0;
    }

    private static L1Report Create()
    {
        var readiness = ReadinessSummary.Of(NestedVirtualizationProbe.Run());
        var (device, vendor, model) = FindScsiDebugDisk();
        string? error = null;
        IReadOnlyList<string> uses = [];
        var safe = false;
        if (device is not null)
        {
            try
            {
                var usage = new BlockDeviceSafety().Ensure(device);
                uses = usage.Uses.Select(u => u.ToString()!).ToList();
                safe = !usage.IsInUse;
            }
            catch (Exception e) when (e is BlockDeviceSafetyException or IOException or UnauthorizedAccessException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }
        }

        return new L1Report
        {
            Readiness = readiness,
            ScsiDevice = device,
            ScsiVendor = vendor,
            ScsiModel = model,
            ScsiDeviceUses = uses,
            ScsiDeviceSafe = safe,
            ScsiSafetyError = error,
            KernelRelease = File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
        };
    }

    // No udev in L1: the disk is found by its SCSI model in sysfs, and devtmpfs made its node.
    private static (string? Device, string? Vendor, string? Model) FindScsiDebugDisk()
    {
        if (!Directory.Exists("/sys/block"))
        {
            return (null, null, null);
        }

        foreach (var block in Directory.GetDirectories("/sys/block", "sd*").Order(StringComparer.Ordinal))
        {
            var model = ReadTrimmed(Path.Combine(block, "device", "model"));
            if (model == "scsi_debug")
            {
                return ("/dev/" + Path.GetFileName(block), ReadTrimmed(Path.Combine(block, "device", "vendor")), model);
            }
        }

        return (null, null, null);
    }

    private static string? ReadTrimmed(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}
