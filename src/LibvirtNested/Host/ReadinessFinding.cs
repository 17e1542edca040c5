namespace LibvirtNested.Host;

/// <summary>One finding of <see cref="NestedVirtualizationProbe"/>: what was checked, what the files said, the verdict and
/// what to do about it.</summary>
/// <param name="Id">A stable identifier a program can branch on; see <see cref="ReadinessFindingIds"/>.</param>
/// <param name="Verdict">Whether this part is ready, not ready, or unknown.</param>
/// <param name="Required">Whether the verdict counts towards <see cref="NestedReadinessReport.Verdict"/>; advisory findings
/// (shadow VMCS, EPT, persistence of settings) do not.</param>
/// <param name="Message">A sentence a person can read.</param>
/// <param name="Evidence">The files read and their values.</param>
/// <param name="Remedy">What to do when the verdict is not <see cref="ReadinessVerdict.Ready"/>; null when there is nothing to do
/// or nothing this library knows to suggest.</param>
public sealed record ReadinessFinding(
    string Id,
    ReadinessVerdict Verdict,
    bool Required,
    string Message,
    IReadOnlyList<ReadinessEvidence> Evidence,
    string? Remedy)
{
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
