using LibvirtNested.Host;

namespace LibvirtNested.Samples.NestedStack;

/// <summary>The parts of a <see cref="NestedReadinessReport"/> the stack's results keep (for L0 and for L1).</summary>
internal sealed record ReadinessSummary
{
    public required string Verdict { get; init; }

    public required string Role { get; init; }

    public required string CpuVendor { get; init; }

    public required bool HasSvm { get; init; }

    public required bool HasVmx { get; init; }

    /// <summary>kvm, kvm_amd, kvm_intel, kvm_pvm …: the loaded KVM modules.</summary>
    public required IReadOnlyList<string> Modules { get; init; }

    /// <summary>Each finding as "id: verdict: message".</summary>
    public required IReadOnlyList<FindingSummary> Findings { get; init; }

    public static ReadinessSummary Of(NestedReadinessReport report) => new()
    {
        Verdict = report.Verdict.ToString(),
        Role = report.Role.ToString(),
        CpuVendor = report.CpuVendor.ToString(),
        HasSvm = report.HasSvm,
        HasVmx = report.HasVmx,
        Modules = report.Modules.Select(m => m.Name).ToList(),
        Findings = report.Findings.Select(f => new FindingSummary { Id = f.Id, Verdict = f.Verdict.ToString(), Message = f.Message }).ToList(),
    };

    public string? VerdictOf(string findingId) => Findings.FirstOrDefault(f => f.Id == findingId)?.Verdict;
}
