namespace LibvirtNested.Host;

/// <summary>One use of a block device (or of one of its partitions or holders) on this machine.</summary>
/// <param name="Device">The kernel name of the device that is used, e.g. <c>sdb1</c>, <c>loop3</c>, <c>dm-0</c>.</param>
/// <param name="Relation">How that device relates to the checked one: <c>itself</c>, <c>partition</c> or <c>holder</c>
/// (device-mapper, md, … stacked on top of it).</param>
/// <param name="Kind">Mounted or swap.</param>
/// <param name="Location">The mount point (for <see cref="BlockDeviceUseKind.Mount"/>) or the swap entry's file name (for
/// <see cref="BlockDeviceUseKind.Swap"/>).</param>
/// <param name="Evidence">The line of <c>/proc/self/mountinfo</c> or <c>/proc/swaps</c> that shows it.</param>
public sealed record BlockDeviceUse(string Device, string Relation, BlockDeviceUseKind Kind, string Location, string Evidence)
{
    /// <summary>Renders the use as a sentence fragment, e.g. <c>sdb1 (partition) is mounted on /data</c>.</summary>
    /// <returns>Human-readable text.</returns>
    public override string ToString() => Kind == BlockDeviceUseKind.Mount
        ? $"{Device} ({Relation}) is mounted on {Location}"
        : $"{Device} ({Relation}) is used as swap ({Location})";
}
