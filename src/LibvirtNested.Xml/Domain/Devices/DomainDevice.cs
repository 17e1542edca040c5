using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// One child element of <c>/domain/devices</c> (formatdomain.html "Devices"): a disk, controller, interface,
/// emulator, input, video, … The typed subclasses cover the devices nested virtualization edits;
/// every other element (including kinds from a newer libvirt) is a <see cref="DomainGenericDevice"/>.
/// </summary>
public abstract class DomainDevice : XmlView
{
    /// <summary>
    /// The element's name when this view was made: <see cref="From"/> chooses the view type by name, and an
    /// element renamed through LINQ to XML needs another view.
    /// </summary>
    private readonly XName nameAtCreation;

    private DomainAddress? address;

    /// <summary>Creates a device view over <paramref name="element"/>.</summary>
    /// <param name="element">The device element.</param>
    /// <param name="expectedName">The element name this view type requires, or <see langword="null"/> for any.</param>
    /// <exception cref="ArgumentException">The element has another name.</exception>
    private protected DomainDevice(XElement element, string? expectedName)
        : base(element)
    {
        if (expectedName is not null && element.Name != expectedName)
        {
            throw new ArgumentException($"A {GetType().Name} is a <{expectedName}> element, not <{element.Name.LocalName}>.", nameof(element));
        }

        nameAtCreation = element.Name;
    }

    /// <summary>The device kind: the element name, such as <c>disk</c>, <c>interface</c> or <c>memballoon</c>.</summary>
    public string Kind => Element.Name.LocalName;

    /// <summary><c>alias/@name</c>: the device's alias (libvirt assigns <c>ua-</c>-less ones to running guests; user aliases start with <c>ua-</c>).</summary>
    public string? Alias
    {
        get => GetChild("alias")?.Attribute("name")?.Value;
        set => SetChildAttribute("alias", "name", value);
    }

    /// <summary><c>address</c>: where the device sits on its bus (pci, drive, usb, …), or <see langword="null"/> when libvirt is left to choose.</summary>
    public DomainAddress? Address => ViewCache.Child(ref address, GetChild("address"), static e => new DomainAddress(e));

    /// <summary>The device's <c>address</c> element, added empty when absent (set its <see cref="DomainAddress.Type"/> next).</summary>
    /// <returns>The address view.</returns>
    public DomainAddress GetOrAddAddress() => new(GetOrAddChild("address"));

    /// <summary>Removes the device's <c>address</c> so that libvirt assigns one.</summary>
    public void RemoveAddress() => RemoveChildren("address");

    /// <summary>The view type for a device element: <see cref="DomainDisk"/> for <c>&lt;disk&gt;</c> and so on, <see cref="DomainGenericDevice"/> for any other element.</summary>
    /// <param name="element">A child of <c>/domain/devices</c> (or a new, detached device element).</param>
    /// <returns>The typed view.</returns>
    public static DomainDevice From(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.Name.Namespace != XNamespace.None)
        {
            return new DomainGenericDevice(element);
        }

        return element.Name.LocalName switch
        {
            "disk" => new DomainDisk(element),
            "controller" => new DomainController(element),
            "interface" => new DomainInterface(element),
            "hostdev" => new DomainHostdev(element),
            "graphics" => new DomainGraphics(element),
            "serial" => new DomainSerial(element),
            "console" => new DomainConsole(element),
            "channel" => new DomainChannel(element),
            _ => new DomainGenericDevice(element),
        };
    }

    /// <summary>Whether this view is the one <see cref="From"/> would make for <paramref name="element"/> now.</summary>
    /// <param name="element">A device element.</param>
    /// <returns><see langword="true"/> when this view stands over that element and its name is unchanged.</returns>
    internal bool StandsFor(XElement element) => Element == element && element.Name == nameAtCreation;

    /// <summary><c>boot/@order</c> of devices that can be booted from (disk, interface, hostdev, redirdev).</summary>
    /// <returns>The order or <see langword="null"/>.</returns>
    /// <exception cref="LibvirtXmlValueException">The order is not a number.</exception>
    private protected int? GetBootOrder() => GetChild("boot") is { } boot ? Internal.XmlValues.ParseInt32(boot, "order") : null;

    /// <summary>Sets <c>boot/@order</c>; <see langword="null"/> removes <c>&lt;boot&gt;</c>.</summary>
    /// <param name="order">The order, 1 first.</param>
    private protected void SetBootOrder(int? order)
    {
        if (order is null)
        {
            RemoveChildren("boot");
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(order.Value, 1, nameof(order));
        GetOrAddChild("boot").SetAttributeValue("order", order.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Reads an attribute of the first child element <paramref name="child"/>.</summary>
    /// <param name="child">Child element name.</param>
    /// <param name="attribute">Attribute name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    private protected string? GetChildAttribute(XName child, XName attribute) => GetChild(child)?.Attribute(attribute)?.Value;

    /// <summary>
    /// Sets an attribute of the first child element <paramref name="child"/>, adding the child when needed;
    /// <see langword="null"/> removes the attribute, and the child too when nothing else is left in it.
    /// </summary>
    /// <param name="child">Child element name.</param>
    /// <param name="attribute">Attribute name.</param>
    /// <param name="value">The value or <see langword="null"/>.</param>
    private protected void SetChildAttribute(XName child, XName attribute, string? value) =>
        SetChildAttribute(Element, child, attribute, value);

    /// <summary>Sets an attribute of <paramref name="parent"/>'s first child <paramref name="child"/>; see the instance overload.</summary>
    /// <param name="parent">The parent element.</param>
    /// <param name="child">Child element name.</param>
    /// <param name="attribute">Attribute name.</param>
    /// <param name="value">The value or <see langword="null"/>.</param>
    private protected static void SetChildAttribute(XElement parent, XName child, XName attribute, string? value)
    {
        var element = parent.Element(child);
        if (value is null)
        {
            if (element is null)
            {
                return;
            }

            element.SetAttributeValue(attribute, null);
            if (!element.HasAttributes && !element.Nodes().Any(n => n is not XText t || !string.IsNullOrWhiteSpace(t.Value)))
            {
                Internal.XmlTree.Remove(element);
            }

            return;
        }

        element ??= Internal.XmlTree.Append(parent, new XElement(child));
        element.SetAttributeValue(attribute, value);
    }

    /// <summary>Whether an empty flag element such as <c>&lt;readonly/&gt;</c> is present.</summary>
    /// <param name="name">Element name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    private protected bool HasFlag(XName name) => GetChild(name) is not null;

    /// <summary>Adds or removes an empty flag element such as <c>&lt;readonly/&gt;</c>.</summary>
    /// <param name="name">Element name.</param>
    /// <param name="value">Present or not.</param>
    private protected void SetFlag(XName name, bool value)
    {
        if (!value)
        {
            RemoveChildren(name);
        }
        else if (GetChild(name) is null)
        {
            AddChild(new XElement(name));
        }
    }
}
