using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/devices/disk</c> (formatdomain.html "Hard drives, floppy disks, CDROMs"): a disk, CD-ROM,
/// floppy or SCSI LUN of the guest, with its host-side <see cref="Source"/>, guest-side <see cref="Target"/>
/// and QEMU <see cref="Driver"/>.
/// </summary>
public sealed class DomainDisk : DomainDevice
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private DomainDiskDriver? cachedDriver;
    private DomainDiskSource? cachedSource;
    private DomainDiskTarget? cachedTarget;

    /// <summary>Creates a view over a <c>&lt;disk&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <exception cref="ArgumentException">The element is not a <c>&lt;disk&gt;</c>.</exception>
    public DomainDisk(XElement element)
        : base(element, "disk")
    {
    }

    /// <summary><c>@type</c>: where the data comes from (<c>file</c>, <c>block</c>, <c>network</c>, …).</summary>
    public DomainDiskType? Type
    {
        get => GetAttribute("type") is { } v ? new DomainDiskType(v) : null;
        set => SetAttribute("type", value?.Value);
    }

    /// <summary><c>@device</c>: how the guest sees it (<c>disk</c> when absent, <c>cdrom</c>, <c>floppy</c>, <c>lun</c>).</summary>
    public DomainDiskDevice? Device
    {
        get => GetAttribute("device") is { } v ? new DomainDiskDevice(v) : null;
        set => SetAttribute("device", value?.Value);
    }

    /// <summary><c>@sgio</c> (device='lun' only): whether the host filters the guest's SG_IO commands.</summary>
    public DomainDiskSgio? Sgio
    {
        get => GetAttribute("sgio") is { } v ? new DomainDiskSgio(v) : null;
        set => SetAttribute("sgio", value?.Value);
    }

    /// <summary><c>@rawio</c> (device='lun' only): gives the guest the CAP_SYS_RAWIO capability for the LUN.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? Rawio
    {
        get => GetBooleanAttribute("rawio");
        set => SetYesNoAttribute("rawio", value);
    }

    /// <summary><c>driver</c>: the hypervisor driver settings (name, format, cache, io, discard), or <see langword="null"/>.</summary>
    public DomainDiskDriver? Driver => ViewCache.Child(ref cachedDriver, GetChild("driver"), static e => new DomainDiskDriver(e));

    /// <summary>The <c>driver</c> element, added when absent.</summary>
    /// <returns>The driver view.</returns>
    public DomainDiskDriver GetOrAddDriver() => new(GetOrAddChild("driver"));

    /// <summary><c>source</c>: the host-side data (file, block device, directory, pool volume or network image), or <see langword="null"/> (an empty CD-ROM drive).</summary>
    public DomainDiskSource? Source => ViewCache.Child(ref cachedSource, GetChild("source"), static e => new DomainDiskSource(e));

    /// <summary>The <c>source</c> element, added when absent.</summary>
    /// <returns>The source view.</returns>
    public DomainDiskSource GetOrAddSource() => new(GetOrAddChild("source"));

    /// <summary><c>target</c>: the guest-side device name and bus, or <see langword="null"/>.</summary>
    public DomainDiskTarget? Target => ViewCache.Child(ref cachedTarget, GetChild("target"), static e => new DomainDiskTarget(e));

    /// <summary>The <c>target</c> element, added when absent.</summary>
    /// <returns>The target view.</returns>
    public DomainDiskTarget GetOrAddTarget() => new(GetOrAddChild("target"));

    /// <summary><c>&lt;readonly/&gt;</c>: the guest cannot write (always so for CD-ROMs).</summary>
    public bool ReadOnly
    {
        get => HasFlag("readonly");
        set => SetFlag("readonly", value);
    }

    /// <summary><c>&lt;shareable/&gt;</c>: the disk may be shared with other guests (no host-side caching locks).</summary>
    public bool Shareable
    {
        get => HasFlag("shareable");
        set => SetFlag("shareable", value);
    }

    /// <summary><c>serial</c>: the serial number the guest sees.</summary>
    public string? Serial
    {
        get => GetChildText("serial");
        set => SetChildText("serial", value);
    }

    /// <summary><c>wwn</c>: the World Wide Name (16 hex digits) of a SCSI or IDE disk.</summary>
    public string? Wwn
    {
        get => GetChildText("wwn");
        set => SetChildText("wwn", value);
    }

    /// <summary><c>boot/@order</c>: the disk's place in the boot order (1 first); <see langword="null"/> removes <c>&lt;boot&gt;</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The order is not a number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The new order is below 1.</exception>
    public int? BootOrder
    {
        get => GetBootOrder();
        set => SetBootOrder(value);
    }
}
