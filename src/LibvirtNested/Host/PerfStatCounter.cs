using System.Globalization;

namespace LibvirtNested.Host;

/// <summary>One counter line of <c>perf stat</c>, e.g. <c>   1305759      kvm:kvm_emulate_insn</c> or
/// <c>   1.00 msec task-clock   #    0.009 CPUs utilized</c>.</summary>
/// <param name="Event">The event name, e.g. <c>kvm:kvm_exit</c>, <c>task-clock</c>.</param>
/// <param name="Value">The counted value (thousands separators removed), or null when perf printed <c>&lt;not counted&gt;</c>
/// or <c>&lt;not supported&gt;</c>.</param>
/// <param name="Unit">The unit perf printed before the event name (<c>msec</c>, <c>Joules</c>, …), or null.</param>
/// <param name="Status">The text perf printed instead of a value: <c>not counted</c> or <c>not supported</c>; null when counted.</param>
/// <param name="Comment">The text after <c>#</c> (perf's derived metric, e.g. <c>0.009 CPUs utilized</c>), or null.</param>
/// <param name="VariancePercent">The <c>( +- x% )</c> of a repeated run (<c>-r</c>), or null.</param>
/// <param name="RunningPercent">The <c>(x%)</c> share of time the counter ran when counters were multiplexed, or null.</param>
/// <param name="LineNumber">The 1-based line the counter was read from.</param>
public sealed record PerfStatCounter(
    string Event,
    double? Value,
    string? Unit,
    string? Status,
    string? Comment,
    double? VariancePercent,
    double? RunningPercent,
    int LineNumber)
{
    /// <summary>The value as a count (rounded), or null when not counted or when it has a unit (a time, an energy).</summary>
    public long? Count => Value is { } value && Unit is null ? (long)Math.Round(value) : null;

    /// <summary>Renders the counter as <c>value unit event</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{(Value is { } value ? value.ToString(CultureInfo.InvariantCulture) : "<" + Status + ">")}{(Unit is null ? string.Empty : " " + Unit)} {Event}";
}
