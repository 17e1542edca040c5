namespace LibvirtNested.Host;

/// <summary>One use of a block device (or of one of its partitions or holders) on this machine.</summary>
public sealed record BlockDeviceUse
{
    /// <summary>The kernel name of the device that is used, e.g. <c>sdb1</c>, <c>loop3</c>, <c>dm-0</c>.</summary>
    public required string Device { get; init; }

    /// <summary>How that device relates to the checked one: <c>itself</c>, <c>partition</c> or <c>holder</c>
    /// (device-mapper, md, … stacked on top of it).</summary>
    public required string Relation { get; init; }

    /// <summary>Mounted or swap.</summary>
    public required BlockDeviceUseKind Kind { get; init; }

    /// <summary>The mount point (for <see cref="BlockDeviceUseKind.Mount"/>) or the swap entry's file name (for
    /// <see cref="BlockDeviceUseKind.Swap"/>).</summary>
    public required string Location { get; init; }

    /// <summary>The line of <c>/proc/self/mountinfo</c> or <c>/proc/swaps</c> that shows it.</summary>
    public required string Evidence { get; init; }

    /// <summary>Renders the use as a sentence fragment, e.g. <c>sdb1 (partition) is mounted on /data</c>.</summary>
    /// <returns>Human-readable text.</returns>
    public override string ToString() => Kind == BlockDeviceUseKind.Mount
        ? $"{Device} ({Relation}) is mounted on {Location}"
        : $"{Device} ({Relation}) is used as swap ({Location})";
}
