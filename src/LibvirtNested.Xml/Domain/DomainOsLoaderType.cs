namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/os/loader/@type</c>: how the firmware image is given to the guest.
/// Values this library does not know round-trip unchanged.
/// </summary>
/// <param name="Value">The value exactly as written in the XML.</param>
public readonly record struct DomainOsLoaderType(string Value)
{
    /// <summary><c>rom</c>: the image is mapped as read-only memory.</summary>
    public static DomainOsLoaderType Rom { get; } = new("rom");

    /// <summary><c>pflash</c>: the image is a parallel flash device, as UEFI firmware (OVMF) uses.</summary>
    public static DomainOsLoaderType Pflash { get; } = new("pflash");

    /// <summary>The value as written in the XML.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
