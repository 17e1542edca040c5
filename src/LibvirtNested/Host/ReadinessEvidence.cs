namespace LibvirtNested.Host;

/// <summary>One piece of evidence behind a finding: the file that was read (as a path on the probed system, e.g.
/// <c>/sys/module/kvm_intel/parameters/nested</c>) and what it said.</summary>
/// <param name="Path">The absolute path on the probed system (not prefixed with the probe's root).</param>
/// <param name="Value">What was read, trimmed; or a description such as <c>(missing)</c> or <c>(unreadable: …)</c>.</param>
public sealed record ReadinessEvidence(string Path, string Value)
{
    /// <summary>Renders the evidence as <c>path: value</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Path}: {Value}";
}
