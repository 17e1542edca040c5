namespace LibvirtNested.Host.Internal;

/// <summary>The outcome of <see cref="HostRoot.Read"/>: the text, or why there is none.</summary>
internal sealed record FileReadResult(string Path, string? Text, string? Problem)
{
    /// <summary>The evidence value: the trimmed text, <c>(empty)</c>, or <c>(missing)</c> / <c>(unreadable: …)</c>.</summary>
    public string Describe()
    {
        if (Text is null)
        {
            return "(" + Problem + ")";
        }

        var trimmed = Text.Trim();
        return trimmed.Length == 0 ? "(empty)" : trimmed;
    }

    public ReadinessEvidence ToEvidence() => ReadinessEvidence.Of(Path, Describe());
}
