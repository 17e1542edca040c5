namespace LibvirtNested.Xml.Domain;

/// <summary>Options of <see cref="DomainXml.AddLunDisk(string, LunDiskOptions?)"/>: how a host block device is passed through as a SCSI LUN.</summary>
public sealed record LunDiskOptions
{
    /// <summary>
    /// <c>disk/@sgio</c>: <c>filtered</c> (the default) or <c>unfiltered</c>; <see langword="null"/> writes nothing.
    /// libvirt 9.0 refuses <c>unfiltered</c> at define time ("unfiltered sgio is no longer supported"): use
    /// <see cref="Rawio"/> or a SCSI hostdev for guests that need unfiltered SCSI commands.
    /// </summary>
    public DomainDiskSgio? Sgio { get; init; }

    /// <summary><c>disk/@rawio</c>: give the guest CAP_SYS_RAWIO on the LUN; <see langword="null"/> writes nothing.</summary>
    public bool? Rawio { get; init; }

    /// <summary>Adds <c>&lt;shareable/&gt;</c> (the LUN is also used by other guests, such as a cluster's shared disk).</summary>
    public bool Shareable { get; init; }

    /// <summary>Adds <c>&lt;readonly/&gt;</c>.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The target name (<c>sdX</c>) to use instead of the first free one.</summary>
    public string? TargetDev { get; init; }

    /// <summary>
    /// Called first with the device path; throw to refuse the device. This is where a caller plugs in a host
    /// check (for example that the device exists, is a block device and is not mounted on the host), which this
    /// pure XML layer cannot make itself.
    /// </summary>
    public Action<string>? VerifyDevice { get; init; }
}
