namespace LibvirtNested.Interop;

/// <summary>A managed copy of a <c>virError</c>, taken before libvirt can reset or reuse it.</summary>
internal sealed record LibvirtErrorInfo(
    int Code,
    int Domain,
    int Level,
    string Message,
    string? Str1 = null,
    string? Str2 = null,
    string? Str3 = null,
    int Int1 = 0,
    int Int2 = 0)
{
    /// <summary>What libvirt logged (warnings and errors) on the failing thread during a failed open, besides <see cref="Message"/>.</summary>
    public IReadOnlyList<string> Logged { get; init; } = [];
}
