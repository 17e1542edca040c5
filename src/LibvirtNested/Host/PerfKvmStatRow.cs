namespace LibvirtNested.Host;

/// <summary>One row of <c>perf kvm stat report</c>: an exit reason (for <c>--event=vmexit</c>), an MMIO address or an I/O port,
/// with the columns <c>Samples Samples% Time% Min Time Max Time Avg time ( +- stddev% )</c> printed by <c>print_result()</c> in
/// perf's <c>builtin-kvm.c</c>.</summary>
/// <param name="Name">The exit reason as perf decodes it, e.g. <c>VMREAD</c>, <c>EPT_VIOLATION</c>, <c>npf</c>, <c>PF excp</c>,
/// <c>0x70:POUT</c>.</param>
/// <param name="Samples">How many events (<c>Samples</c>).</param>
/// <param name="SamplesPercent">Share of all samples, percent (<c>Samples%</c>); NaN when perf printed <c>nan</c>.</param>
/// <param name="TimePercent">Share of the total handling time, percent (<c>Time%</c>).</param>
/// <param name="MinMicroseconds">Shortest handling time, microseconds (<c>Min Time</c>).</param>
/// <param name="MaxMicroseconds">Longest handling time, microseconds (<c>Max Time</c>).</param>
/// <param name="MeanMicroseconds">Mean handling time, microseconds (<c>Avg time</c>).</param>
/// <param name="RelativeStdDevPercent">Relative standard deviation of the mean, percent (the <c>( +- x% )</c>).</param>
/// <param name="LineNumber">The 1-based line the row was read from.</param>
public sealed record PerfKvmStatRow(
    string Name,
    long Samples,
    double SamplesPercent,
    double TimePercent,
    double MinMicroseconds,
    double MaxMicroseconds,
    double MeanMicroseconds,
    double RelativeStdDevPercent,
    int LineNumber)
{
    /// <summary>The total handling time of these events, microseconds (<see cref="Samples"/> × <see cref="MeanMicroseconds"/>;
    /// rounded as perf rounds the mean).</summary>
    public double TotalMicroseconds => Samples * MeanMicroseconds;
}
