namespace LibvirtNested.Host;

/// <summary>One exit reason (or perf event) before and after a change, in a <see cref="VmExitComparison"/>.</summary>
public sealed record VmExitDelta
{
    /// <summary>The exit reason or event, e.g. <c>VMREAD</c> or <c>kvm:kvm_exit</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Samples (or count) before; 0 when the reason did not appear.</summary>
    public required long Before { get; init; }

    /// <summary>Samples (or count) after; 0 when the reason did not appear.</summary>
    public required long After { get; init; }

    /// <summary><see cref="After"/> − <see cref="Before"/>: negative when exits went away; saturates at <see cref="long.MinValue"/> /
    /// <see cref="long.MaxValue"/> instead of overflowing.</summary>
    public long Difference => Internal.Saturating.Subtract(After, Before);

    /// <summary>How many fewer there are after (<see cref="Before"/> − <see cref="After"/>); negative when there are more; saturates like
    /// <see cref="Difference"/>.</summary>
    public long Eliminated => Internal.Saturating.Subtract(Before, After);

    /// <summary>The change relative to <see cref="Before"/>, percent (−100 when all went away); null when <see cref="Before"/> is 0.</summary>
    public double? ChangePercent => Before == 0 ? null : ((double)After - Before) * 100.0 / Before;

    internal static VmExitDelta Of(string name, long before, long after) => new() { Name = name, Before = before, After = after };
}
