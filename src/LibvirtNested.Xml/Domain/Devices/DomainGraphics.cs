using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/graphics</c> (formatdomain.html "Graphical framebuffers"): a VNC, SPICE, SDL, … display.</summary>
public sealed class DomainGraphics : DomainDevice
{
    /// <summary>Creates a view over a <c>&lt;graphics&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <exception cref="ArgumentException">The element is not a <c>&lt;graphics&gt;</c>.</exception>
    public DomainGraphics(XElement element)
        : base(element, "graphics")
    {
    }

    /// <summary><c>@type</c>: <c>vnc</c>, <c>spice</c>, <c>sdl</c>, <c>rdp</c>, <c>desktop</c>, <c>egl-headless</c>, <c>dbus</c>.</summary>
    public DomainGraphicsType? Type
    {
        get => GetAttribute("type") is { } value ? new DomainGraphicsType(value) : null;
        set => SetAttribute("type", value?.Value);
    }

    /// <summary><c>@port</c>: the TCP port (<c>-1</c> means chosen automatically, as libvirt writes with autoport).</summary>
    /// <exception cref="LibvirtXmlValueException">The port is not a number (on read).</exception>
    public long? Port
    {
        get => GetInt64Attribute("port");
        set => SetNumberAttribute("port", value);
    }

    /// <summary><c>@autoport</c>: let libvirt pick the port.</summary>
    /// <exception cref="LibvirtXmlValueException">The value is not yes/no (on read).</exception>
    public bool? AutoPort
    {
        get => GetBooleanAttribute("autoport");
        set => SetYesNoAttribute("autoport", value);
    }

    /// <summary>
    /// <c>@listen</c>, or else the first <c>listen/@address</c>: the address the server listens on. Setting it
    /// writes <c>@listen</c> and, as libvirt requires them to agree, the <c>address</c> of a
    /// <c>&lt;listen type='address'&gt;</c> child when there is one; <see langword="null"/> removes both.
    /// </summary>
    public string? Listen
    {
        get => GetAttribute("listen") ?? GetChildAttribute("listen", "address");
        set
        {
            SetAttribute("listen", value);
            if (Element.Elements("listen").FirstOrDefault(l => (string?)l.Attribute("type") == "address") is { } listen)
            {
                listen.SetAttributeValue("address", value);
            }
        }
    }
}
