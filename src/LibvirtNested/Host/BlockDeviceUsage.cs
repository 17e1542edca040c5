namespace LibvirtNested.Host;

/// <summary>What <see cref="BlockDeviceSafety.Inspect"/> found about a block device: what it resolves to, which devices belong
/// to it (partitions, holders), and which of them are mounted or used as swap.</summary>
public sealed record BlockDeviceUsage
{
    /// <summary>The path as given, e.g. <c>/dev/disk/by-id/ata-…-part3</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The path after following symbolic links, e.g. <c>/dev/sdb3</c>.</summary>
    public required string ResolvedPath { get; init; }

    /// <summary>The kernel's name of the device, as in <c>/sys/class/block/&lt;name&gt;</c>.</summary>
    public required string KernelName { get; init; }

    /// <summary>The <c>major:minor</c> device number, from <c>/sys/class/block/&lt;name&gt;/dev</c>, or null when
    /// unknown.</summary>
    public required string? DeviceNumber { get; init; }

    /// <summary>Kernel names of its partitions (<c>/sys/class/block/&lt;name&gt;/&lt;part&gt;/partition</c>).</summary>
    public required IReadOnlyList<string> Partitions { get; init; }

    /// <summary>Kernel names of devices stacked on it or on its partitions, recursively
    /// (<c>/sys/class/block/&lt;name&gt;/holders/*</c>).</summary>
    public required IReadOnlyList<string> Holders { get; init; }

    /// <summary>Mounts and swap entries of the device, its partitions and holders.</summary>
    public required IReadOnlyList<BlockDeviceUse> Uses { get; init; }

    /// <summary>Files that should have been read but could not be (e.g. <c>/proc/self/mountinfo is not a regular file: a FIFO
    /// (named pipe)</c>): when not empty, <see cref="BlockDeviceSafety.Ensure"/> refuses the device, since its uses are not
    /// known.</summary>
    public IReadOnlyList<string> UnreadableFiles { get; init; } = [];

    /// <summary>Whether the device, a partition or a holder is mounted or used as swap.</summary>
    public bool IsInUse => Uses.Count > 0;
}
