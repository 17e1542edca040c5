using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.DomainCapabilities;

/// <content>The typed elements of <c>&lt;domainCapabilities&gt;</c>.</content>
public sealed partial class DomainCapabilitiesXml
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private DomainCapabilitiesOs? cachedOs;
    private DomainCapabilitiesCpu? cachedCpu;
    private ViewList<DomainCapabilitiesDevice>? cachedDevices;
    private ViewList<DomainCapabilitiesFeature>? cachedFeatures;

    /// <summary><c>/domainCapabilities/path</c>: the emulator binary, such as <c>/usr/bin/qemu-system-x86_64</c>.</summary>
    public string? Path => GetChildText("path");

    /// <summary><c>/domainCapabilities/domain</c>: the domain type these capabilities are for, <c>kvm</c> or <c>qemu</c>.</summary>
    public string? Domain => GetChildText("domain");

    /// <summary><c>/domainCapabilities/machine</c>: the machine type, such as <c>pc-q35-7.2</c>.</summary>
    public string? Machine => GetChildText("machine");

    /// <summary><c>/domainCapabilities/arch</c>: the guest architecture, such as <c>x86_64</c>.</summary>
    public string? Arch => GetChildText("arch");

    /// <summary><c>/domainCapabilities/vcpu/@max</c>: the most vCPUs a guest may have.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? VcpuMax => GetChild("vcpu") is { } vcpu ? XmlValues.ParseInt32(vcpu, "max") : null;

    /// <summary><c>/domainCapabilities/iothreads/@supported</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? IothreadsSupported => GetChild("iothreads") is { } iothreads ? XmlValues.ParseBoolean(iothreads, "supported") : null;

    /// <summary><c>/domainCapabilities/os</c>: firmware and loaders; <see langword="null"/> when absent.</summary>
    public DomainCapabilitiesOs? Os => ViewCache.Child(ref cachedOs, GetChild("os"), static e => new DomainCapabilitiesOs(e));

    /// <summary><c>/domainCapabilities/cpu</c>: the CPU modes and models; <see langword="null"/> when absent.</summary>
    public DomainCapabilitiesCpu? Cpu => ViewCache.Child(ref cachedCpu, GetChild("cpu"), static e => new DomainCapabilitiesCpu(e));

    /// <summary><c>/domainCapabilities/devices/*</c>: each device kind (disk, graphics, video, hostdev, rng, …) with its enums.</summary>
    public IReadOnlyList<DomainCapabilitiesDevice> Devices =>
        ViewCache.Children(ref cachedDevices, GetChild("devices"), null, static e => new DomainCapabilitiesDevice(e));

    /// <summary><c>/domainCapabilities/features/*</c>: guest features (gic, vmcoreinfo, genid, sev, sgx, hyperv, …) and whether they are supported.</summary>
    public IReadOnlyList<DomainCapabilitiesFeature> Features =>
        ViewCache.Children(ref cachedFeatures, GetChild("features"), null, static e => new DomainCapabilitiesFeature(e));

    /// <summary><c>/domainCapabilities/devices/disk/enum[@name='diskDevice']</c>: <c>disk</c>, <c>cdrom</c>, <c>floppy</c>, <c>lun</c>.</summary>
    public IReadOnlyList<string> DiskDevices => GetEnum("devices/disk", "diskDevice");

    /// <summary><c>/domainCapabilities/devices/disk/enum[@name='bus']</c>: <c>ide</c>, <c>scsi</c>, <c>virtio</c>, <c>usb</c>, <c>sata</c>, …</summary>
    public IReadOnlyList<string> DiskBuses => GetEnum("devices/disk", "bus");

    /// <summary><c>/domainCapabilities/devices/hostdev/enum[@name='subsysType']</c>: <c>usb</c>, <c>pci</c>, <c>scsi</c>, …</summary>
    public IReadOnlyList<string> HostdevSubsystemTypes => GetEnum("devices/hostdev", "subsysType");

    /// <summary><c>/domainCapabilities/devices/graphics/enum[@name='type']</c>: <c>vnc</c>, <c>spice</c>, <c>sdl</c>, …</summary>
    public IReadOnlyList<string> GraphicsTypes => GetEnum("devices/graphics", "type");

    /// <summary>
    /// The values of an <c>&lt;enum name='…'&gt;</c> anywhere in the document, e.g.
    /// <c>GetEnum("devices/disk", "bus")</c>, <c>GetEnum("os", "firmware")</c>, <c>GetEnum("os/loader", "type")</c>,
    /// <c>GetEnum("features/hyperv", "features")</c>. A path whose first step is not a child of the root is looked
    /// up under <c>devices</c>, so <c>GetEnum("disk", "bus")</c> works too.
    /// </summary>
    /// <param name="devicePath">Element names from the root, separated by '/'.</param>
    /// <param name="enumName">The enum's <c>name</c> attribute.</param>
    /// <returns>The values; empty when the element or enum is absent (the hypervisor reports nothing for it), also for a
    /// path no document can hold (a step that is not an XML name).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="devicePath"/> or <paramref name="enumName"/> is null.</exception>
    public IReadOnlyList<string> GetEnum(string devicePath, string enumName)
    {
        ArgumentNullException.ThrowIfNull(devicePath);
        ArgumentNullException.ThrowIfNull(enumName);
        var steps = devicePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var element = Walk(Element, steps);
        if (element is null && steps.Length > 0 && XmlNames.Child(Element, steps[0]) is null && GetChild("devices") is { } devices)
        {
            element = Walk(devices, steps);
        }

        return DomainCapabilitiesEnums.Read(element, enumName);
    }

    /// <summary>The device kind named <paramref name="name"/> (<c>/domainCapabilities/devices/{name}</c>).</summary>
    /// <param name="name">An element name such as <c>disk</c> or <c>hostdev</c>.</param>
    /// <returns>The device, or <see langword="null"/> when the hypervisor does not report it.</returns>
    public DomainCapabilitiesDevice? FindDevice(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return XmlNames.Child(GetChild("devices"), name) is { } device ? new DomainCapabilitiesDevice(device) : null;
    }

    /// <summary>Is the feature reported with <c>supported='yes'</c> (<c>/domainCapabilities/features/{name}/@supported</c>)?</summary>
    /// <param name="name">A feature element name such as <c>sev</c> or <c>vmcoreinfo</c>.</param>
    /// <returns><see langword="false"/> also when the feature is not reported.</returns>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no.</exception>
    public bool IsFeatureSupported(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return XmlNames.Child(GetChild("features"), name) is { } feature && new DomainCapabilitiesFeature(feature).Supported;
    }

    private static XElement? Walk(XElement start, string[] steps)
    {
        XElement? element = start;
        foreach (var step in steps)
        {
            element = XmlNames.Child(element, step);
        }

        return element;
    }
}
