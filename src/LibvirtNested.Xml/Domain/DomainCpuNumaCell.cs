using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// One guest NUMA node, <c>/domain/cpu/numa/cell</c>, such as
/// <c>&lt;cell id='0' cpus='0-3' memory='512000' unit='KiB'/&gt;</c>. Distances, caches and other children are
/// reachable through <see cref="XmlView.Element"/>.
/// </summary>
public sealed class DomainCpuNumaCell : XmlView
{
    internal DomainCpuNumaCell(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@id</c>: the cell's number.</summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not a whole number.</exception>
    public int? Id
    {
        get => GetInt32Attribute("id");
        set => SetNumberAttribute("id", value);
    }

    /// <summary><c>@cpus</c>: the vCPUs in this cell as a cpuset, such as <c>0-3,8</c>; absent for a CPU-less node.</summary>
    public string? Cpus
    {
        get => GetAttribute("cpus");
        set => SetAttribute("cpus", value);
    }

    /// <summary>
    /// <c>@memory</c> with <c>@unit</c> (KiB when absent), in bytes. Setting writes the largest binary unit that
    /// holds the value exactly; <see langword="null"/> removes both attributes.
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">On read: the number or unit is malformed, or the size overflows.</exception>
    public ulong? MemoryBytes
    {
        get
        {
            var text = GetAttribute("memory");
            if (text is null)
            {
                return null;
            }

            var unit = GetAttribute("unit") ?? "KiB";
            var multiplier = DataSize.Multiplier(unit) ?? throw XmlValues.Error(Element, "unit", unit, "a libvirt unit such as KiB, MiB, GiB or bytes");
            var value = XmlValues.ParseUInt64(Element, "memory", text);
            return value <= ulong.MaxValue / multiplier
                ? value * multiplier
                : throw XmlValues.Error(Element, "memory", text + " " + unit, "a size below 16 EiB");
        }

        set
        {
            if (value is null)
            {
                SetAttribute("memory", null);
                SetAttribute("unit", null);
                return;
            }

            var (number, unit) = DataSize.ToLargestExactUnit(value.Value);
            SetAttribute("memory", number.ToString(CultureInfo.InvariantCulture));
            SetAttribute("unit", unit);
        }
    }

    /// <summary><c>@memAccess</c>: shared or private mapping of the cell's memory.</summary>
    public DomainMemoryAccess? MemAccess
    {
        get => GetAttribute("memAccess") is { } value ? new DomainMemoryAccess(value) : null;
        set => SetAttribute("memAccess", value?.Value);
    }

    /// <summary><c>@discard</c>: discard the cell's memory on guest shutdown (<c>yes</c>/<c>no</c>).</summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not yes/no.</exception>
    public bool? Discard
    {
        get => GetBooleanAttribute("discard");
        set => SetYesNoAttribute("discard", value);
    }
}
