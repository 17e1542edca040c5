namespace LibvirtNested.Host;

/// <summary>One piece of evidence behind a finding: the file that was read (as a path on the probed system, e.g.
/// <c>/sys/module/kvm_intel/parameters/nested</c>) and what it said.</summary>
public sealed record ReadinessEvidence
{
    /// <summary>The absolute path on the probed system (not prefixed with the probe's root).</summary>
    public required string Path { get; init; }

    /// <summary>What was read, trimmed; or a description such as <c>(missing)</c> or <c>(unreadable: …)</c>.</summary>
    public required string Value { get; init; }

    internal static ReadinessEvidence Of(string path, string value) => new() { Path = path, Value = value };

    /// <summary>Renders the evidence as <c>path: value</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Path}: {Value}";
}
