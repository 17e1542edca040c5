using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/channel</c>: a host–guest channel, such as the QEMU guest agent's <c>org.qemu.guest_agent.0</c>.</summary>
public sealed class DomainChannel : DomainCharDevice
{
    /// <summary>Creates a view over a <c>&lt;channel&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <exception cref="ArgumentException">The element is not a <c>&lt;channel&gt;</c>.</exception>
    public DomainChannel(XElement element)
        : base(element, "channel")
    {
    }

    /// <summary><c>target/@name</c> (virtio channels): the port name the guest opens.</summary>
    public string? TargetName
    {
        get => GetChildAttribute("target", "name");
        set => SetChildAttribute("target", "name", value);
    }
}
