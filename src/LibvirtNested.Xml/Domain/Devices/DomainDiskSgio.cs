namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/disk/@sgio</c>: whether SG_IO commands of a <c>device='lun'</c> disk are filtered by the host kernel. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainDiskSgio(string Value)
{
    /// <summary><c>filtered</c>.</summary>
    public static DomainDiskSgio Filtered { get; } = new("filtered");

    /// <summary><c>unfiltered</c>; older libvirt only: libvirt 9.0 refuses it ("unfiltered sgio is no longer supported").</summary>
    public static DomainDiskSgio Unfiltered { get; } = new("unfiltered");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
