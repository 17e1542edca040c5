using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/console</c>: the guest console, often the alias of the first serial port (<c>target type='serial'</c>) or a virtio console.</summary>
public sealed class DomainConsole : DomainCharDevice
{
    /// <summary>Creates a view over a <c>&lt;console&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <exception cref="ArgumentException">The element is not a <c>&lt;console&gt;</c>.</exception>
    public DomainConsole(XElement element)
        : base(element, "console")
    {
    }
}
