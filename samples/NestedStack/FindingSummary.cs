namespace LibvirtNested.Samples.NestedStack;

/// <summary>One readiness finding: its id (ReadinessFindingIds), verdict and message.</summary>
internal sealed record FindingSummary
{
    public required string Id { get; init; }

    public required string Verdict { get; init; }

    public required string Message { get; init; }
}
