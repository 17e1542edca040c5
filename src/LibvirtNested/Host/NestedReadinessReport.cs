using System.Text;

namespace LibvirtNested.Host;

/// <summary>The answer of <see cref="NestedVirtualizationProbe.Run"/>: is this machine ready to run nested guests (on L0),
/// or will its guests be able to use KVM (inside L1)? Every finding carries its evidence and remedy; <see cref="ToString"/>
/// renders it all for a person.</summary>
public sealed class NestedReadinessReport
{
    internal NestedReadinessReport(
        string root,
        HostRole role,
        HostCpuVendor cpuVendor,
        string? cpuVendorId,
        bool hasVmx,
        bool hasSvm,
        IReadOnlyList<KvmModule> modules,
        KvmModprobeConfig modprobe,
        IReadOnlyList<ReadinessFinding> findings,
        HostCpuVendor? modprobeRemedyVendor)
    {
        ModprobeRemedyVendor = modprobeRemedyVendor;
        Root = root;
        Role = role;
        CpuVendor = cpuVendor;
        CpuVendorId = cpuVendorId;
        HasVmx = hasVmx;
        HasSvm = hasSvm;
        Modules = modules;
        Modprobe = modprobe;
        Findings = findings;
        var required = findings.Where(f => f.Required).ToList();
        Verdict = required.Any(f => f.Verdict == ReadinessVerdict.NotReady) ? ReadinessVerdict.NotReady
            : required.Any(f => f.Verdict == ReadinessVerdict.Unknown) || required.Count == 0 ? ReadinessVerdict.Unknown
            : ReadinessVerdict.Ready;
    }

    /// <summary>The root directory that was probed (<c>/</c> for the running system).</summary>
    public string Root { get; }

    /// <summary>The overall verdict: <see cref="ReadinessVerdict.NotReady"/> when any required finding is not ready, else
    /// <see cref="ReadinessVerdict.Unknown"/> when any required finding is unknown, else <see cref="ReadinessVerdict.Ready"/>.
    /// Advisory findings (<see cref="ReadinessFinding.Required"/> false) never change it.</summary>
    public ReadinessVerdict Verdict { get; }

    /// <summary>Bare-metal host (L0) or guest (L1 or deeper), from the <c>hypervisor</c> flag in <c>/proc/cpuinfo</c>.</summary>
    public HostRole Role { get; }

    /// <summary>The CPU vendor from the <c>vendor_id</c> line of <c>/proc/cpuinfo</c>.</summary>
    public HostCpuVendor CpuVendor { get; }

    /// <summary>The raw <c>vendor_id</c> of <c>/proc/cpuinfo</c> (e.g. <c>GenuineIntel</c>), or null when unreadable.</summary>
    public string? CpuVendorId { get; }

    /// <summary>Whether <c>/proc/cpuinfo</c> lists the <c>vmx</c> flag (Intel VT-x).</summary>
    public bool HasVmx { get; }

    /// <summary>Whether <c>/proc/cpuinfo</c> lists the <c>svm</c> flag (AMD-V).</summary>
    public bool HasSvm { get; }

    /// <summary>The KVM modules found in <c>/sys/module</c> (<c>kvm</c>, <c>kvm_intel</c>, <c>kvm_amd</c>, <c>kvm_pvm</c>, …).</summary>
    public IReadOnlyList<KvmModule> Modules { get; }

    /// <summary>The hardware KVM module (<c>kvm_intel</c> or <c>kvm_amd</c>) if loaded, else the first other <c>kvm_*</c> module
    /// (such as <c>kvm_pvm</c>), else null.</summary>
    public KvmModule? Module =>
        Modules.FirstOrDefault(m => m.IsHardwareModule) ?? Modules.FirstOrDefault(m => m.Name.StartsWith("kvm_", StringComparison.Ordinal));

    /// <summary>The vendor whose modprobe.d remedy file (<see cref="KvmModprobeConfig.PlanRemedy"/>,
    /// <see cref="KvmModprobeConfig.WriteRemedy"/>) applies to this machine, or null when no local remedy file can help: on a
    /// guest (<see cref="HostRole.Guest"/>) whether its own guests can use KVM is decided on the host running it (L0), and
    /// without an Intel or AMD KVM module or CPU flag there is no file to write.</summary>
    public HostCpuVendor? ModprobeRemedyVendor { get; }

    /// <summary>The KVM options configured in <c>/etc/modprobe.d/*.conf</c>.</summary>
    public KvmModprobeConfig Modprobe { get; }

    /// <summary>Every finding, required ones first in the order they were checked.</summary>
    public IReadOnlyList<ReadinessFinding> Findings { get; }

    /// <summary>The remedies of every finding that is not ready (required ones first), without repetition.</summary>
    public IReadOnlyList<string> Remedies =>
        Findings.Where(f => f.Verdict != ReadinessVerdict.Ready && f.Remedy is not null)
            .OrderByDescending(f => f.Required)
            .Select(f => f.Remedy!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The finding with an identifier from <see cref="ReadinessFindingIds"/>, or null when it was not checked (for
    /// example the Intel-only findings on AMD).</summary>
    /// <param name="id">A finding identifier, e.g. <see cref="ReadinessFindingIds.KvmNested"/>.</param>
    /// <returns>The finding or null.</returns>
    public ReadinessFinding? Find(string id) => Findings.FirstOrDefault(f => f.Id == id);

    /// <summary>Renders the whole report for a person: verdict, role, CPU, modules, then every finding with evidence and
    /// remedy.</summary>
    /// <returns>Multi-line text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Nested virtualization readiness: ").Append(VerdictText(Verdict));
        if (Root != "/")
        {
            text.Append(" (root ").Append(Root).Append(')');
        }

        text.Append('\n').Append("Role: ").Append(Role switch
        {
            HostRole.Host => "host (L0): no 'hypervisor' flag in /proc/cpuinfo",
            HostRole.Guest => "guest (L1 or deeper): 'hypervisor' flag in /proc/cpuinfo",
            _ => "unknown",
        });
        text.Append('\n').Append("CPU: ").Append(CpuVendorId ?? "unknown vendor")
            .Append(", vmx ").Append(HasVmx ? "yes" : "no")
            .Append(", svm ").Append(HasSvm ? "yes" : "no");
        text.Append('\n').Append("KVM modules: ").Append(Modules.Count == 0 ? "none" : string.Join(", ", Modules.Select(m => m.Name)));
        foreach (var finding in Findings)
        {
            text.Append('\n').Append(finding);
        }

        return text.ToString();
    }

    internal static string VerdictText(ReadinessVerdict verdict) => verdict switch
    {
        ReadinessVerdict.Ready => "READY",
        ReadinessVerdict.NotReady => "NOT READY",
        _ => "UNKNOWN",
    };
}
