namespace LibvirtNested.Host;

/// <summary>What <see cref="BlockDeviceSafety.Inspect"/> found about a block device: what it resolves to, which devices belong
/// to it (partitions, holders), and which of them are mounted or used as swap.</summary>
/// <param name="Path">The path as given, e.g. <c>/dev/disk/by-id/ata-…-part3</c>.</param>
/// <param name="ResolvedPath">The path after following symbolic links, e.g. <c>/dev/sdb3</c>.</param>
/// <param name="KernelName">The kernel's name of the device, as in <c>/sys/class/block/&lt;name&gt;</c>.</param>
/// <param name="DeviceNumber">The <c>major:minor</c> device number, from <c>/sys/class/block/&lt;name&gt;/dev</c>, or null when
/// unknown.</param>
/// <param name="Partitions">Kernel names of its partitions (<c>/sys/class/block/&lt;name&gt;/&lt;part&gt;/partition</c>).</param>
/// <param name="Holders">Kernel names of devices stacked on it or on its partitions, recursively
/// (<c>/sys/class/block/&lt;name&gt;/holders/*</c>).</param>
/// <param name="Uses">Mounts and swap entries of the device, its partitions and holders.</param>
public sealed record BlockDeviceUsage(
    string Path,
    string ResolvedPath,
    string KernelName,
    string? DeviceNumber,
    IReadOnlyList<string> Partitions,
    IReadOnlyList<string> Holders,
    IReadOnlyList<BlockDeviceUse> Uses)
{
    /// <summary>Whether the device, a partition or a holder is mounted or used as swap.</summary>
    public bool IsInUse => Uses.Count > 0;
}
