using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/cpu/topology</c>: how the guest's vCPUs are arranged, for example
/// <c>&lt;topology sockets='1' dies='1' cores='2' threads='1'/&gt;</c>. libvirt requires sockets, cores and
/// threads (dies defaults to 1), and the product should equal <c>/domain/vcpu</c>.
/// </summary>
public sealed class DomainCpuTopology : XmlView
{
    internal DomainCpuTopology(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@sockets</c>: the number of CPU sockets.</summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not a whole number.</exception>
    public int? Sockets
    {
        get => GetInt32Attribute("sockets");
        set => SetNumberAttribute("sockets", value);
    }

    /// <summary><c>@dies</c>: dies per socket (libvirt assumes 1 when absent; since libvirt 6.1.0).</summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not a whole number.</exception>
    public int? Dies
    {
        get => GetInt32Attribute("dies");
        set => SetNumberAttribute("dies", value);
    }

    /// <summary><c>@cores</c>: cores per die.</summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not a whole number.</exception>
    public int? Cores
    {
        get => GetInt32Attribute("cores");
        set => SetNumberAttribute("cores", value);
    }

    /// <summary><c>@threads</c>: threads per core.</summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not a whole number.</exception>
    public int? Threads
    {
        get => GetInt32Attribute("threads");
        set => SetNumberAttribute("threads", value);
    }
}
