using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary><c>lease</c> of a DHCP range or host: how long leases last.</summary>
public sealed class NetworkDhcpLease : XmlView
{
    internal NetworkDhcpLease(XElement element)
        : base(element)
    {
    }

    /// <summary><c>lease/@expiry</c>: the lease time in <see cref="Unit"/>s; 0 means infinite.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a non-negative number (on read).</exception>
    public ulong? Expiry
    {
        get => GetUInt64Attribute("expiry");
        set => SetAttribute("expiry", value?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary><c>lease/@unit</c>: <c>seconds</c>, <c>minutes</c> (libvirt's default) or <c>hours</c>.</summary>
    public string? Unit
    {
        get => GetAttribute("unit");
        set => SetAttribute("unit", value);
    }

    /// <summary>Sets or (with <paramref name="expiry"/> <see langword="null"/>) removes the <c>lease</c> child of a range or host.</summary>
    internal static void Set(XElement parent, ulong? expiry, string? unit)
    {
        var existing = parent.Element("lease");
        if (expiry is null)
        {
            if (existing is not null)
            {
                XmlTree.Remove(existing);
            }

            return;
        }

        var lease = existing ?? XmlTree.Append(parent, new XElement("lease"));
        lease.SetAttributeValue("expiry", expiry.Value.ToString(CultureInfo.InvariantCulture));
        lease.SetAttributeValue("unit", unit);
    }
}
