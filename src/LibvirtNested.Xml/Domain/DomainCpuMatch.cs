namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/cpu/@match</c>: how strictly the guest CPU must match <c>&lt;model&gt;</c> and its features (custom mode only). libvirt assumes <see cref="Exact"/> when absent.
/// Values this library does not know round-trip unchanged.
/// </summary>
/// <param name="Value">The value exactly as written in the XML.</param>
public readonly record struct DomainCpuMatch(string Value)
{
    /// <summary><c>minimum</c>: the model and features are a minimum; a better CPU may be given.</summary>
    public static DomainCpuMatch Minimum { get; } = new("minimum");

    /// <summary><c>exact</c>: the guest CPU must match exactly; libvirt refuses to start the guest otherwise.</summary>
    public static DomainCpuMatch Exact { get; } = new("exact");

    /// <summary><c>strict</c>: the host CPU itself must match the specification exactly.</summary>
    public static DomainCpuMatch Strict { get; } = new("strict");

    /// <summary>The value as written in the XML.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
