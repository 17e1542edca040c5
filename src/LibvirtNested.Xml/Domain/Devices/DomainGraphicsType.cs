namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/graphics/@type</c>: the kind of display. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainGraphicsType(string Value)
{
    /// <summary><c>vnc</c>.</summary>
    public static DomainGraphicsType Vnc { get; } = new("vnc");

    /// <summary><c>spice</c>.</summary>
    public static DomainGraphicsType Spice { get; } = new("spice");

    /// <summary><c>sdl</c>.</summary>
    public static DomainGraphicsType Sdl { get; } = new("sdl");

    /// <summary><c>rdp</c>.</summary>
    public static DomainGraphicsType Rdp { get; } = new("rdp");

    /// <summary><c>desktop</c>.</summary>
    public static DomainGraphicsType Desktop { get; } = new("desktop");

    /// <summary><c>egl-headless</c>.</summary>
    public static DomainGraphicsType EglHeadless { get; } = new("egl-headless");

    /// <summary><c>dbus</c>.</summary>
    public static DomainGraphicsType Dbus { get; } = new("dbus");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
