namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/os/@firmware</c>: the firmware libvirt selects automatically (since libvirt 5.2.0). Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainOsFirmware(string Value)
{
    /// <summary><c>bios</c>.</summary>
    public static DomainOsFirmware Bios { get; } = new("bios");

    /// <summary><c>efi</c>: UEFI.</summary>
    public static DomainOsFirmware Efi { get; } = new("efi");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
