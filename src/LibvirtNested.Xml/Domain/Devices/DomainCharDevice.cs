using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// The common shape of character devices (formatdomain.html "Consoles, serial, parallel &amp; channel devices"):
/// a host-side <see cref="Type"/> and source, a guest-side target. See <see cref="DomainSerial"/>,
/// <see cref="DomainConsole"/> and <see cref="DomainChannel"/>.
/// </summary>
public abstract class DomainCharDevice : DomainDevice
{
    /// <summary>Creates a view over a character device element.</summary>
    /// <param name="element">The element.</param>
    /// <param name="expectedName">The element name the subclass requires.</param>
    private protected DomainCharDevice(XElement element, string expectedName)
        : base(element, expectedName)
    {
    }

    /// <summary><c>@type</c>: the host side (<c>pty</c>, <c>file</c>, <c>unix</c>, <c>tcp</c>, <c>spicevmc</c>, <c>null</c>, …).</summary>
    public string? Type
    {
        get => GetAttribute("type");
        set => SetAttribute("type", value);
    }

    /// <summary><c>source/@path</c>: the host path (pty device, file or UNIX socket); <c>@tty</c> is libvirt's older twin of it for pty.</summary>
    public string? SourcePath
    {
        get => GetChildAttribute("source", "path");
        set => SetChildAttribute("source", "path", value);
    }

    /// <summary><c>target/@type</c>: the guest side (<c>isa-serial</c>, <c>serial</c>, <c>virtio</c>, <c>guestfwd</c>, …).</summary>
    public string? TargetType
    {
        get => GetChildAttribute("target", "type");
        set => SetChildAttribute("target", "type", value);
    }

    /// <summary><c>target/@port</c>: the guest port number.</summary>
    /// <exception cref="LibvirtXmlValueException">The value is not a number (on read).</exception>
    public int? TargetPort
    {
        get => GetChild("target") is { } t ? Internal.XmlValues.ParseInt32(t, "port") : null;
        set => SetChildAttribute("target", "port", value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
