namespace LibvirtNested.Host;

/// <summary>One exit reason (or perf event) before and after a change, in a <see cref="VmExitComparison"/>.</summary>
/// <param name="Name">The exit reason or event, e.g. <c>VMREAD</c> or <c>kvm:kvm_exit</c>.</param>
/// <param name="Before">Samples (or count) before; 0 when the reason did not appear.</param>
/// <param name="After">Samples (or count) after; 0 when the reason did not appear.</param>
public sealed record VmExitDelta(string Name, long Before, long After)
{
    /// <summary><see cref="After"/> − <see cref="Before"/>: negative when exits went away.</summary>
    public long Difference => After - Before;

    /// <summary>How many fewer there are after (<see cref="Before"/> − <see cref="After"/>); negative when there are more.</summary>
    public long Eliminated => Before - After;

    /// <summary>The change relative to <see cref="Before"/>, percent (−100 when all went away); null when <see cref="Before"/> is 0.</summary>
    public double? ChangePercent => Before == 0 ? null : (After - Before) * 100.0 / Before;
}
