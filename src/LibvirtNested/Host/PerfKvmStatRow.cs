namespace LibvirtNested.Host;

/// <summary>One row of <c>perf kvm stat report</c>: an exit reason (for <c>--event=vmexit</c>), an MMIO address or an I/O port,
/// with the columns <c>Samples Samples% Time% Min Time Max Time Avg time ( +- stddev% )</c> printed by <c>print_result()</c> in
/// perf's <c>builtin-kvm.c</c>.</summary>
public sealed record PerfKvmStatRow
{
    /// <summary>The exit reason as perf decodes it, e.g. <c>VMREAD</c>, <c>EPT_VIOLATION</c>, <c>npf</c>, <c>PF excp</c>,
    /// <c>0x70:POUT</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How many events (<c>Samples</c>).</summary>
    public required long Samples { get; init; }

    /// <summary>Share of all samples, percent (<c>Samples%</c>); NaN when perf printed <c>nan</c>.</summary>
    public required double SamplesPercent { get; init; }

    /// <summary>Share of the total handling time, percent (<c>Time%</c>).</summary>
    public required double TimePercent { get; init; }

    /// <summary>Shortest handling time, microseconds (<c>Min Time</c>).</summary>
    public required double MinMicroseconds { get; init; }

    /// <summary>Longest handling time, microseconds (<c>Max Time</c>).</summary>
    public required double MaxMicroseconds { get; init; }

    /// <summary>Mean handling time, microseconds (<c>Avg time</c>).</summary>
    public required double MeanMicroseconds { get; init; }

    /// <summary>Relative standard deviation of the mean, percent (the <c>( +- x% )</c>).</summary>
    public required double RelativeStdDevPercent { get; init; }

    /// <summary>The 1-based line the row was read from.</summary>
    public required int LineNumber { get; init; }

    /// <summary>The total handling time of these events, microseconds (<see cref="Samples"/> × <see cref="MeanMicroseconds"/>;
    /// rounded as perf rounds the mean).</summary>
    public double TotalMicroseconds => Samples * MeanMicroseconds;
}
