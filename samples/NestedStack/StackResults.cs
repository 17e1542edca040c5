namespace LibvirtNested.Samples.NestedStack;

/// <summary>Everything the library reported while building the stack: written as results.json for the test stage.</summary>
internal sealed class StackResults
{
    public bool Completed { get; set; }

    public string? Failure { get; set; }

    /// <summary><c>kvm</c> or <c>tcg</c>: how L1 runs on L0.</summary>
    public string? L1Accel { get; set; }

    public string? L1AccelReason { get; set; }

    public int Cores { get; set; } = Environment.ProcessorCount;

    public string? LoadAverageStart { get; set; }

    public string? LoadAverageEnd { get; set; }

    public List<StageResult> Stages { get; } = [];

    public ReadinessSummary? L0 { get; set; }

    public L1Results L1 { get; } = new();

    public NetworkResults Network { get; } = new();

    public L2Results L2 { get; } = new();

    public PerfResults Perf { get; } = new();
}

/// <summary>One stage: its time and outcome.</summary>
internal sealed record StageResult(string Name, double Seconds, double LimitSeconds, bool Ok, string? Error, string? LoadAverage);

/// <summary>L1, the guest of L0's sandbox daemon.</summary>
internal sealed class L1Results
{
    public string? Name { get; set; }

    public string? DomainType { get; set; }

    /// <summary>The CPU mode the library's nested edit wrote (host-passthrough or maximum).</summary>
    public string? CpuMode { get; set; }

    /// <summary>The CPU features after the edit, as policy:name.</summary>
    public List<string> CpuFeatures { get; } = [];

    public string? EditDiff { get; set; }

    public bool HasVirtioScsiController { get; set; }

    public string? State { get; set; }

    public string? RemoteUri { get; set; }

    public string? RemoteHostname { get; set; }

    public L1Report? Report { get; set; }

    public double? QemuCpuSeconds { get; set; }

    public double? QemuMaxRssMegabytes { get; set; }
}

/// <summary>The walkthrough's NAT network, defined in L1 over the remote URI.</summary>
internal sealed class NetworkResults
{
    public string? Name { get; set; }

    public string? Bridge { get; set; }

    public bool Active { get; set; }

    public string? Subnet { get; set; }
}

/// <summary>L2, the KVM guest of L1.</summary>
internal sealed class L2Results
{
    public string? Name { get; set; }

    public string? DomainType { get; set; }

    public string? State { get; set; }

    /// <summary>The LUN in L2's definition as libvirt stored it: device, type, source dev, bus.</summary>
    public string? LunDevice { get; set; }

    public string? LunType { get; set; }

    public string? LunSource { get; set; }

    public string? LunBus { get; set; }

    public string? Mac { get; set; }

    /// <summary>The address the library's wait returned (from the network's DHCP lease).</summary>
    public string? Address { get; set; }

    public List<string> Leases { get; } = [];

    /// <summary>What L2 printed on its serial console.</summary>
    public string? ConsoleScsiVendor { get; set; }

    public string? ConsoleScsiModel { get; set; }

    public bool ConsoleScsiRead { get; set; }

    public string? ConsoleAddress { get; set; }

    public double? SecondsToAddress { get; set; }
}

/// <summary><c>perf kvm stat</c> in L1 while L2 ran, parsed by <c>PerfKvmStatReport</c>.</summary>
internal sealed class PerfResults
{
    public string? ReportFile { get; set; }

    public string? EventName { get; set; }

    public long? TotalSamples { get; set; }

    /// <summary>How long perf recorded after L2 had its address (it may have recorded L2's boot before).</summary>
    public double? SecondsRecordedAfterL2Address { get; set; }

    public List<PerfRow> Rows { get; } = [];
}

/// <summary>One VM-exit reason.</summary>
internal sealed record PerfRow(string Name, long Samples, double SamplesPercent, double TimePercent, double MeanMicroseconds);
