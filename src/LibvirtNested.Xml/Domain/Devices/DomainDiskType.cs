namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/disk/@type</c>: where the disk's data comes from. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainDiskType(string Value)
{
    /// <summary><c>file</c>.</summary>
    public static DomainDiskType File { get; } = new("file");

    /// <summary><c>block</c>.</summary>
    public static DomainDiskType Block { get; } = new("block");

    /// <summary><c>network</c>.</summary>
    public static DomainDiskType Network { get; } = new("network");

    /// <summary><c>volume</c>.</summary>
    public static DomainDiskType Volume { get; } = new("volume");

    /// <summary><c>dir</c>.</summary>
    public static DomainDiskType Dir { get; } = new("dir");

    /// <summary><c>nvme</c>.</summary>
    public static DomainDiskType Nvme { get; } = new("nvme");

    /// <summary><c>vhostuser</c>.</summary>
    public static DomainDiskType Vhostuser { get; } = new("vhostuser");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
