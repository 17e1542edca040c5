using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/serial</c>: a serial port of the guest; a <c>type='pty'</c> one is what <c>virsh console</c> reaches.</summary>
public sealed class DomainSerial : DomainCharDevice
{
    /// <summary>Creates a view over a <c>&lt;serial&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <exception cref="ArgumentException">The element is not a <c>&lt;serial&gt;</c>.</exception>
    public DomainSerial(XElement element)
        : base(element, "serial")
    {
    }
}
