namespace LibvirtNested.Host;

/// <summary>How a block device is in use on this machine.</summary>
public enum BlockDeviceUseKind
{
    /// <summary>Mounted: listed in <c>/proc/self/mountinfo</c>.</summary>
    Mount = 1,

    /// <summary>Active swap: listed in <c>/proc/swaps</c>.</summary>
    Swap = 2,
}
