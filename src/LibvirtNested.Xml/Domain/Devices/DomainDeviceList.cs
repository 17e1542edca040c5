using System.Collections;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// The children of <c>/domain/devices</c> as one ordered list of typed views (<see cref="DomainDisk"/>,
/// <see cref="DomainInterface"/>, …, <see cref="DomainGenericDevice"/> for the rest), read from the tree on
/// every access. Lists and views are reused while the tree still holds the same elements, so repeated reads do not
/// allocate; a change made through LINQ to XML is seen by the next read. <see cref="Add{T}(T)"/> creates <c>&lt;devices&gt;</c> (where libvirt writes it) when the domain has none.
/// </summary>
public sealed class DomainDeviceList : IReadOnlyList<DomainDevice>
{
    private static readonly XName DevicesName = "devices";
    private static readonly XName DiskName = "disk";
    private static readonly XName ControllerName = "controller";
    private static readonly XName InterfaceName = "interface";
    private static readonly XName HostdevName = "hostdev";

    private readonly XElement domain;

    // Lists handed out before; see ViewCache for why a cached view never outlives its element.
    private ViewList<DomainDevice>? all;
    private ViewList<DomainDisk>? disks;
    private ViewList<DomainController>? controllers;
    private ViewList<DomainInterface>? interfaces;
    private ViewList<DomainHostdev>? hostdevs;

    /// <summary>Creates the list over a <c>&lt;domain&gt;</c> element.</summary>
    /// <param name="domain">The domain root element.</param>
    internal DomainDeviceList(XElement domain) => this.domain = domain;

    /// <summary>The <c>&lt;devices&gt;</c> element, or <see langword="null"/> when the domain has none yet.</summary>
    public XElement? Element => domain.Element(DevicesName);

    /// <summary>The number of device elements.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            for (var node = Element?.FirstNode; node is not null; node = node.NextNode)
            {
                if (node is XElement)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>The device at <paramref name="index"/> in document order.</summary>
    /// <param name="index">Zero-based position.</param>
    /// <returns>A view of the device.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No device at that position.</exception>
    public DomainDevice this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            var devices = All();
            return index < devices.Count
                ? devices[index]
                : throw new ArgumentOutOfRangeException(nameof(index), index, $"The domain has {devices.Count} devices.");
        }
    }

    /// <summary>The <c>&lt;disk&gt;</c> devices, in document order.</summary>
    public IReadOnlyList<DomainDisk> Disks => ViewCache.Children(ref disks, Element, DiskName, static e => new DomainDisk(e));

    /// <summary>The <c>&lt;controller&gt;</c> devices, in document order.</summary>
    public IReadOnlyList<DomainController> Controllers =>
        ViewCache.Children(ref controllers, Element, ControllerName, static e => new DomainController(e));

    /// <summary>The <c>&lt;interface&gt;</c> devices, in document order.</summary>
    public IReadOnlyList<DomainInterface> Interfaces =>
        ViewCache.Children(ref interfaces, Element, InterfaceName, static e => new DomainInterface(e));

    /// <summary>The <c>&lt;hostdev&gt;</c> devices, in document order.</summary>
    public IReadOnlyList<DomainHostdev> Hostdevs => ViewCache.Children(ref hostdevs, Element, HostdevName, static e => new DomainHostdev(e));

    /// <summary>The devices of one view type, such as <c>OfType&lt;DomainDisk&gt;()</c>, in document order.</summary>
    /// <typeparam name="T">The view type.</typeparam>
    /// <returns>A snapshot list of views (read-only; a later change of the tree shows in the next call's list).</returns>
    public IReadOnlyList<T> OfType<T>()
        where T : DomainDevice
    {
        // The typed properties keep their own lists; other types filter the list of all devices.
        if (typeof(T) == typeof(DomainDisk))
        {
            return (IReadOnlyList<T>)Disks;
        }

        if (typeof(T) == typeof(DomainController))
        {
            return (IReadOnlyList<T>)Controllers;
        }

        if (typeof(T) == typeof(DomainInterface))
        {
            return (IReadOnlyList<T>)Interfaces;
        }

        if (typeof(T) == typeof(DomainHostdev))
        {
            return (IReadOnlyList<T>)Hostdevs;
        }

        return new ViewList<T>(All().OfType<T>().ToArray<object>(), null);
    }

    /// <summary>
    /// Adds a new device element: right after the last device with the same element name (so disks stay with
    /// disks), or after all devices when there is none; indented like its siblings.
    /// </summary>
    /// <typeparam name="T">The view type.</typeparam>
    /// <param name="device">A view over a new element that is not in any document yet.</param>
    /// <returns><paramref name="device"/>, now part of the domain.</returns>
    /// <exception cref="ArgumentException">The element already has a parent (add a copy instead).</exception>
    public T Add<T>(T device)
        where T : DomainDevice
    {
        ArgumentNullException.ThrowIfNull(device);
        Insert(device.Element, nameof(device));
        return device;
    }

    /// <summary>Adds a new device element as <see cref="Add{T}(T)"/> does and returns its typed view.</summary>
    /// <param name="element">A new element (no parent), such as <c>new XElement("rng", new XAttribute("model", "virtio"))</c>.</param>
    /// <returns>The typed view of the added device.</returns>
    /// <exception cref="ArgumentException">The element already has a parent (add a copy instead).</exception>
    public DomainDevice Add(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        Insert(element, nameof(element));
        return DomainDevice.From(element);
    }

    /// <summary>Removes a device of this domain, with its indentation.</summary>
    /// <param name="device">A view over one of this domain's devices.</param>
    /// <returns><see langword="true"/> when it was removed; <see langword="false"/> when it is not a device of this domain.</returns>
    public bool Remove(DomainDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var devices = Element;
        if (devices is null || device.Element.Parent != devices)
        {
            return false;
        }

        XmlTree.Remove(device.Element);
        return true;
    }

    /// <inheritdoc/>
    public IEnumerator<DomainDevice> GetEnumerator() => All().GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Every device, in document order; the list is a snapshot, so edits during an enumeration are safe.</summary>
    private ViewList<DomainDevice> All() =>
        ViewCache.Children(ref all, Element, null, DomainDevice.From, static (view, element) => view.StandsFor(element));

    private void Insert(XElement element, string parameterName)
    {
        if (element.Parent is not null || element.Document is not null)
        {
            throw new ArgumentException($"The <{element.Name.LocalName}> element is already part of a document; add a copy (new XElement(element)).", parameterName);
        }

        var devices = Element ?? ChildOrder.GetOrAdd(domain, "devices", DomainChildOrder.Domain);
        XElement? last = null;
        for (var node = devices.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement sibling && sibling.Name == element.Name)
            {
                last = sibling;
            }
        }

        if (last is null)
        {
            XmlTree.Append(devices, element);
        }
        else
        {
            XmlTree.InsertAfter(last, element);
        }
    }
}
