using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// A device's <c>&lt;address&gt;</c> (formatdomain.html "Device Addresses"): its <see cref="Type"/> and the
/// attributes of the two kinds the edits need, <c>drive</c> (<see cref="Controller"/>, <see cref="Bus"/>,
/// <see cref="Target"/>, <see cref="Unit"/>) and <c>pci</c> (<see cref="Domain"/>, <see cref="Bus"/>,
/// <see cref="Slot"/>, <see cref="Function"/>). Numbers are read as decimal or <c>0x</c> hexadecimal; every
/// other attribute (usb <c>port</c>, ccw <c>devno</c>, …) is in <see cref="Attributes"/>.
/// </summary>
public sealed class DomainAddress : XmlView
{
    /// <summary>Creates a view over an <c>&lt;address&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    public DomainAddress(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@type</c>: <c>pci</c>, <c>drive</c>, <c>virtio-serial</c>, <c>ccid</c>, <c>usb</c>, <c>ccw</c>, <c>isa</c>, …</summary>
    public DomainAddressType? Type
    {
        get => GetAttribute("type") is { } value ? new DomainAddressType(value) : null;
        set => SetAttribute("type", value?.Value);
    }

    /// <summary><c>@controller</c> (drive, virtio-serial, ccid): the index of the controller of the matching kind.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Controller
    {
        get => GetInt32Attribute("controller");
        set => SetNumberAttribute("controller", value);
    }

    /// <summary>
    /// <c>@bus</c>: the bus number (drive, virtio-serial, usb) or PCI bus. Written in decimal, except for
    /// <c>type='pci'</c> where it is written as libvirt does, <c>0x00</c>.
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Bus
    {
        get => GetInt32Attribute("bus");
        set => SetAttribute("bus", Format(value, 2));
    }

    /// <summary><c>@target</c> (drive): the SCSI target.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Target
    {
        get => GetInt32Attribute("target");
        set => SetNumberAttribute("target", value);
    }

    /// <summary><c>@unit</c> (drive): the unit (LUN for SCSI) on the bus.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Unit
    {
        get => GetInt32Attribute("unit");
        set => SetNumberAttribute("unit", value);
    }

    /// <summary><c>@domain</c> (pci): the PCI domain, written as <c>0x0000</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Domain
    {
        get => GetInt32Attribute("domain");
        set => SetAttribute("domain", Hex(value, 4));
    }

    /// <summary><c>@slot</c> (pci): the PCI slot, written as <c>0x00</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Slot
    {
        get => GetInt32Attribute("slot");
        set => SetAttribute("slot", Hex(value, 2));
    }

    /// <summary><c>@function</c> (pci): the PCI function, written as <c>0x0</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Function
    {
        get => GetInt32Attribute("function");
        set => SetAttribute("function", Hex(value, 1));
    }

    /// <summary>Every attribute as written, by name (the raw view, for address kinds without typed accessors).</summary>
    public IReadOnlyDictionary<string, string> Attributes =>
        Element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToDictionary(a => a.Name.ToString(), a => a.Value, StringComparer.Ordinal);

    /// <summary>Reads any attribute of the address as written.</summary>
    /// <param name="name">Attribute name, such as <c>port</c> or <c>devno</c>.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public string? Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return XmlNames.Attribute(Element, name)?.Value;
    }

    /// <summary>Sets any attribute of the address; <see langword="null"/> removes it.</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="value">The value or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not an XML attribute name.</exception>
    public void Set(string name, string? value) => SetAttribute(XmlNames.Checked(name, nameof(name)), value);

    private string? Format(int? value, int digits) => Type == DomainAddressType.Pci ? Hex(value, digits) : value?.ToString(CultureInfo.InvariantCulture);

    private static string? Hex(int? value, int digits)
    {
        if (value is null)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(value.Value, nameof(value));
        return "0x" + value.Value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
