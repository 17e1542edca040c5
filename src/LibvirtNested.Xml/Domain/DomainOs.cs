using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/os</c>: how the guest boots (formatdomain.html, "Operating system booting"), such as
/// <code>
/// &lt;os firmware='efi'&gt;
///   &lt;type arch='x86_64' machine='q35'&gt;hvm&lt;/type&gt;
///   &lt;loader readonly='yes' type='pflash'&gt;/usr/share/OVMF/OVMF_CODE.fd&lt;/loader&gt;
///   &lt;boot dev='hd'/&gt;
/// &lt;/os&gt;
/// </code>
/// New children are placed in the order libvirt writes them.
/// </summary>
public sealed class DomainOs : XmlView
{
    internal DomainOs(XElement element)
        : base(element)
    {
    }

    /// <summary>The text of <c>/domain/os/type</c>: <c>hvm</c> (full virtualization), <c>linux</c> or <c>xen</c> (Xen PV), <c>exe</c> (containers). <see langword="null"/> removes the element with its attributes.</summary>
    public string? Type
    {
        get => GetChildText("type");
        set => SetText("type", value);
    }

    /// <summary><c>/domain/os/type/@arch</c>: the guest architecture, such as <c>x86_64</c> or <c>aarch64</c>.</summary>
    public string? Arch
    {
        get => GetChild("type")?.Attribute("arch")?.Value;
        set => SetChildAttribute("type", "arch", value);
    }

    /// <summary><c>/domain/os/type/@machine</c>: the machine type, such as <c>q35</c> or <c>pc-i440fx-7.2</c>.</summary>
    public string? Machine
    {
        get => GetChild("type")?.Attribute("machine")?.Value;
        set => SetChildAttribute("type", "machine", value);
    }

    /// <summary><c>/domain/os/@firmware</c>: <c>bios</c> or <c>efi</c>, for automatic firmware selection (since libvirt 5.2.0).</summary>
    public DomainOsFirmware? Firmware
    {
        get => GetAttribute("firmware") is { } value ? new DomainOsFirmware(value) : null;
        set => SetAttribute("firmware", value?.Value);
    }

    /// <summary>The <c>dev</c> of each <c>/domain/os/boot</c> in order (<c>hd</c>, <c>cdrom</c>, <c>network</c>, <c>fd</c>): the BIOS boot order.</summary>
    public IReadOnlyList<string> BootDevices =>
        Element.Elements("boot").Select(b => b.Attribute("dev")?.Value).OfType<string>().ToList();

    /// <summary>The text of <c>/domain/os/loader</c>: the firmware image path. <see langword="null"/> removes the element with its attributes.</summary>
    public string? Loader
    {
        get => GetChildText("loader");
        set => SetText("loader", value);
    }

    /// <summary><c>/domain/os/loader/@readonly</c> (<c>yes</c>/<c>no</c>); setting a value adds <c>&lt;loader&gt;</c> when absent.</summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not yes/no.</exception>
    public bool? LoaderReadOnly
    {
        get => GetChild("loader") is { } loader ? XmlValues.ParseBoolean(loader, "readonly") : null;
        set => SetChildAttribute("loader", "readonly", value switch { null => null, true => "yes", false => "no" });
    }

    /// <summary><c>/domain/os/loader/@type</c>: <c>rom</c> or <c>pflash</c>; setting a value adds <c>&lt;loader&gt;</c> when absent.</summary>
    public DomainOsLoaderType? LoaderType
    {
        get => GetChild("loader")?.Attribute("type")?.Value is { } value ? new DomainOsLoaderType(value) : null;
        set => SetChildAttribute("loader", "type", value?.Value);
    }

    /// <summary>The text of <c>/domain/os/kernel</c>: a kernel image on the host for direct kernel boot.</summary>
    public string? Kernel
    {
        get => GetChildText("kernel");
        set => SetText("kernel", value);
    }

    /// <summary>The text of <c>/domain/os/initrd</c>: the initial ramdisk for direct kernel boot.</summary>
    public string? Initrd
    {
        get => GetChildText("initrd");
        set => SetText("initrd", value);
    }

    /// <summary>The text of <c>/domain/os/cmdline</c>: the kernel command line for direct kernel boot.</summary>
    public string? Cmdline
    {
        get => GetChildText("cmdline");
        set => SetText("cmdline", value);
    }

    /// <summary>
    /// Replaces the <c>/domain/os/boot</c> elements with one <c>&lt;boot dev='…'/&gt;</c> per device, in order, where
    /// the first old one stood (or at libvirt's place). No device removes them all.
    /// </summary>
    /// <param name="devs">Boot devices, such as <c>hd</c>, <c>cdrom</c>, <c>network</c>.</param>
    /// <exception cref="ArgumentException">A device is null or empty.</exception>
    public void SetBootDevices(params string[] devs)
    {
        ArgumentNullException.ThrowIfNull(devs);
        foreach (var dev in devs)
        {
            ArgumentException.ThrowIfNullOrEmpty(dev, nameof(devs));
        }

        var old = Element.Elements("boot").ToList();
        XElement? previous = null;
        foreach (var dev in devs)
        {
            var boot = new XElement("boot", new XAttribute("dev", dev));
            previous = previous is not null ? XmlTree.InsertAfter(previous, boot)
                : old.Count > 0 ? XmlTree.InsertBefore(old[0], boot)
                : ChildOrder.Insert(Element, boot, DomainChildOrder.Os);
        }

        foreach (var boot in old)
        {
            XmlTree.Remove(boot);
        }
    }

    private void SetText(string name, string? value) => ChildOrder.SetText(Element, name, value, DomainChildOrder.Os);

    private void SetChildAttribute(string child, string attribute, string? value)
    {
        if (value is null)
        {
            GetChild(child)?.SetAttributeValue(attribute, null);
            return;
        }

        ChildOrder.GetOrAdd(Element, child, DomainChildOrder.Os).SetAttributeValue(attribute, value);
    }
}
