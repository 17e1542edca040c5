namespace LibvirtNested.Host;

/// <summary>One finding of <see cref="NestedVirtualizationProbe"/>: what was checked, what the files said, the verdict and
/// what to do about it.</summary>
public sealed record ReadinessFinding
{
    /// <summary>A stable identifier a program can branch on; see <see cref="ReadinessFindingIds"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Whether this part is ready, not ready, or unknown.</summary>
    public required ReadinessVerdict Verdict { get; init; }

    /// <summary>Whether the verdict counts towards <see cref="NestedReadinessReport.Verdict"/>; advisory findings
    /// (shadow VMCS, EPT, persistence of settings) do not.</summary>
    public required bool Required { get; init; }

    /// <summary>A sentence a person can read.</summary>
    public required string Message { get; init; }

    /// <summary>The files read and their values.</summary>
    public required IReadOnlyList<ReadinessEvidence> Evidence { get; init; }

    /// <summary>What to do when the verdict is not <see cref="ReadinessVerdict.Ready"/>; null when there is nothing to do
    /// or nothing this library knows to suggest.</summary>
    public required string? Remedy { get; init; }

    /// <summary>Renders the finding as a few indented lines: verdict, id, message, evidence and remedy.</summary>
    /// <returns>Human-readable text.</returns>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        text.Append('[').Append(NestedReadinessReport.VerdictText(Verdict)).Append("] ").Append(Id);
        if (!Required)
        {
            text.Append(" (advisory)");
        }

        text.Append(": ").Append(Message);
        foreach (var evidence in Evidence)
        {
            text.Append('\n').Append("    evidence: ").Append(evidence);
        }

        if (Remedy is not null)
        {
            text.Append('\n').Append("    remedy: ").Append(Remedy.Replace("\n", "\n            ", StringComparison.Ordinal));
        }

        return text.ToString();
    }
}
