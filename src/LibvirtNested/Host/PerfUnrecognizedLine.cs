namespace LibvirtNested.Host;

/// <summary>A non-blank line of a perf report that the parser did not recognise (warnings, errors such as
/// <c>libtraceevent: …</c>, output of a newer perf). Reported instead of silently dropped.</summary>
public sealed record PerfUnrecognizedLine
{
    /// <summary>The 1-based line number in the parsed text.</summary>
    public required int LineNumber { get; init; }

    /// <summary>The line, without its line break.</summary>
    public required string Text { get; init; }

    internal static PerfUnrecognizedLine Of(int lineNumber, string text) => new() { LineNumber = lineNumber, Text = text };

    /// <summary>Renders the line as <c>line N: text</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"line {LineNumber}: {Text}";
}
