using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>Memory allocation: formatdomain.html, "Memory Allocation".</summary>
public sealed partial class DomainXml
{
    /// <summary>
    /// <c>/domain/memory</c> in bytes: the guest's maximum memory at boot. Read with its <c>unit</c> (KiB when
    /// absent; KB, MB… are powers of 1000); written in the largest binary unit that holds it exactly, such as
    /// <c>&lt;memory unit='GiB'&gt;4&lt;/memory&gt;</c>. <see langword="null"/> removes the element.
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">On read: the number or unit is malformed, or the size overflows.</exception>
    public ulong? MemoryBytes
    {
        get => DataSize.ReadBytes(GetChild("memory"));
        set => SetMemory("memory", value);
    }

    /// <summary>
    /// <c>/domain/currentMemory</c> in bytes: the memory actually given to the guest (balloon target), at most
    /// <see cref="MemoryBytes"/>. Units as for <see cref="MemoryBytes"/>.
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">On read: the number or unit is malformed, or the size overflows.</exception>
    public ulong? CurrentMemoryBytes
    {
        get => DataSize.ReadBytes(GetChild("currentMemory"));
        set => SetMemory("currentMemory", value);
    }

    /// <summary>
    /// <c>/domain/maxMemory</c> in bytes: the run-time maximum for memory hotplug. Units as for
    /// <see cref="MemoryBytes"/>; <see langword="null"/> removes the element with its <c>slots</c>.
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">On read: the number or unit is malformed, or the size overflows.</exception>
    public ulong? MaxMemoryBytes
    {
        get => DataSize.ReadBytes(GetChild("maxMemory"));
        set => SetMemory("maxMemory", value);
    }

    /// <summary>
    /// <c>/domain/maxMemory/@slots</c>: the number of slots for hotplugged memory. Setting a value adds
    /// <c>&lt;maxMemory&gt;</c> when absent (libvirt then needs its size too).
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not a whole number.</exception>
    public int? MaxMemorySlots
    {
        get => GetChild("maxMemory") is { } max ? XmlValues.ParseInt32(max, "slots") : null;
        set
        {
            if (value is null)
            {
                GetChild("maxMemory")?.SetAttributeValue("slots", null);
                return;
            }

            ArgumentOutOfRangeException.ThrowIfNegative(value.Value);
            GetOrAddDomainChild("maxMemory").SetAttributeValue("slots", value.Value);
        }
    }

    private void SetMemory(string name, ulong? bytes)
    {
        if (bytes is null)
        {
            RemoveChildren(name);
            return;
        }

        DataSize.WriteBytes(GetOrAddDomainChild(name), bytes.Value);
    }
}
