using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/vcpu</c>: the maximum number of virtual CPUs, such as
/// <c>&lt;vcpu placement='static' current='2'&gt;4&lt;/vcpu&gt;</c> (formatdomain.html, "CPU Allocation").
/// </summary>
public sealed class DomainVcpu : XmlView
{
    internal DomainVcpu(XElement element)
        : base(element)
    {
    }

    /// <summary>The element's text: the maximum number of vCPUs; <see langword="null"/> when the element is empty.</summary>
    /// <exception cref="LibvirtXmlValueException">On read: the text is not a whole number from 0 to <see cref="int.MaxValue"/>.</exception>
    public int? Count
    {
        get
        {
            var text = ElementText.Of(Element);
            if (text.Trim().Length == 0)
            {
                return null;
            }

            var value = XmlValues.ParseUInt64(Element, null, text);
            return value <= int.MaxValue ? (int)value : throw XmlValues.Error(Element, (string?)null, text, $"a whole number from 0 to {int.MaxValue}");
        }

        set
        {
            if (value is null)
            {
                Element.RemoveNodes();
                return;
            }

            ArgumentOutOfRangeException.ThrowIfNegative(value.Value);
            Element.Value = value.Value.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary><c>@placement</c>: <c>static</c> or <c>auto</c> (placement from numad).</summary>
    public DomainVcpuPlacement? Placement
    {
        get => GetAttribute("placement") is { } value ? new DomainVcpuPlacement(value) : null;
        set => SetAttribute("placement", value?.Value);
    }

    /// <summary><c>@current</c>: how many of the vCPUs are online when the guest starts.</summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not a whole number.</exception>
    public int? Current
    {
        get => GetInt32Attribute("current");
        set => SetNumberAttribute("current", value);
    }

    /// <summary><c>@cpuset</c>: the host CPUs the vCPUs may run on by default, such as <c>1-4,^3,6</c>.</summary>
    public string? CpuSet
    {
        get => GetAttribute("cpuset");
        set => SetAttribute("cpuset", value);
    }
}
