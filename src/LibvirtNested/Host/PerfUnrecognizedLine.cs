namespace LibvirtNested.Host;

/// <summary>A non-blank line of a perf report that the parser did not recognise (warnings, errors such as
/// <c>libtraceevent: …</c>, output of a newer perf). Reported instead of silently dropped.</summary>
/// <param name="LineNumber">The 1-based line number in the parsed text.</param>
/// <param name="Text">The line, without its line break.</param>
public sealed record PerfUnrecognizedLine(int LineNumber, string Text)
{
    /// <summary>Renders the line as <c>line N: text</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"line {LineNumber}: {Text}";
}
