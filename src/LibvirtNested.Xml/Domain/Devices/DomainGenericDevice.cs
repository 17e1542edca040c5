using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// A device the typed model has no class for (<c>&lt;emulator&gt;</c>, <c>&lt;input&gt;</c>, <c>&lt;video&gt;</c>,
/// <c>&lt;sound&gt;</c>, <c>&lt;rng&gt;</c>, <c>&lt;memballoon&gt;</c>, <c>&lt;tpm&gt;</c>, kinds from a newer libvirt, …):
/// its <see cref="DomainDevice.Kind"/>, alias and address, and the element itself.
/// </summary>
public sealed class DomainGenericDevice : DomainDevice
{
    /// <summary>Creates a view over any device element.</summary>
    /// <param name="element">The element.</param>
    public DomainGenericDevice(XElement element)
        : base(element, null)
    {
    }

    /// <summary><c>@type</c>: the device's type attribute, for the kinds that have one (<c>input</c>, <c>smartcard</c>, <c>redirdev</c>, <c>filesystem</c>, …).</summary>
    public string? Type
    {
        get => GetAttribute("type");
        set => SetAttribute("type", value);
    }

    /// <summary><c>@model</c>: the model attribute of devices that have one (<c>memballoon</c>, <c>rng</c>, <c>tpm</c>, <c>sound</c>, <c>watchdog</c>).</summary>
    public string? Model
    {
        get => GetAttribute("model");
        set => SetAttribute("model", value);
    }
}
