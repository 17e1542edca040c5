using System.Globalization;

namespace LibvirtNested.Host;

/// <summary>One counter line of <c>perf stat</c>, e.g. <c>   1305759      kvm:kvm_emulate_insn</c> or
/// <c>   1.00 msec task-clock   #    0.009 CPUs utilized</c>.</summary>
public sealed record PerfStatCounter
{
    /// <summary>The event name, e.g. <c>kvm:kvm_exit</c>, <c>task-clock</c>.</summary>
    public required string Event { get; init; }

    /// <summary>The counted value (thousands separators removed), or null when perf printed <c>&lt;not counted&gt;</c>
    /// or <c>&lt;not supported&gt;</c>.</summary>
    public required double? Value { get; init; }

    /// <summary>The unit perf printed before the event name (<c>msec</c>, <c>Joules</c>, …), or null.</summary>
    public required string? Unit { get; init; }

    /// <summary>The text perf printed instead of a value: <c>not counted</c> or <c>not supported</c>; null when counted.</summary>
    public required string? Status { get; init; }

    /// <summary>The text after <c>#</c> (perf's derived metric, e.g. <c>0.009 CPUs utilized</c>), or null.</summary>
    public required string? Comment { get; init; }

    /// <summary>The <c>( +- x% )</c> of a repeated run (<c>-r</c>), or null.</summary>
    public required double? VariancePercent { get; init; }

    /// <summary>The <c>(x%)</c> share of time the counter ran when counters were multiplexed, or null.</summary>
    public required double? RunningPercent { get; init; }

    /// <summary>The 1-based line the counter was read from.</summary>
    public required int LineNumber { get; init; }

    /// <summary>The value as a count (rounded), or null when not counted, when it has a unit (a time, an energy), or when it is
    /// beyond the range of <see cref="long"/>.</summary>
    public long? Count => Value is { } value && Unit is null && Math.Round(value) is var rounded && rounded >= long.MinValue && rounded < MaxCount
        ? (long)rounded
        : null;

    // 2^63, exactly representable as a double; long.MaxValue itself rounds up to it.
    private const double MaxCount = 9223372036854775808.0;

    /// <summary>Renders the counter as <c>value unit event</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{(Value is { } value ? value.ToString(CultureInfo.InvariantCulture) : "<" + Status + ">")}{(Unit is null ? string.Empty : " " + Unit)} {Event}";
}
