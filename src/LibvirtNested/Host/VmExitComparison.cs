using System.Globalization;
using System.Text;
using LibvirtNested.Host.Internal;

namespace LibvirtNested.Host;

/// <summary>Compares two VM-exit reports, e.g. <c>perf kvm stat report --event=vmexit</c> before and after enabling VMCS
/// shadowing (<c>enable_shadow_vmcs=1</c>): how many VMREAD / VMWRITE exits went away. Reasons missing from one report count as
/// 0 there. Raw counts are compared: record both runs for the same duration and workload. Sums and differences saturate at
/// <see cref="long.MaxValue"/> / <see cref="long.MinValue"/>: no count in a report makes a comparison throw.</summary>
public sealed class VmExitComparison
{
    private VmExitComparison(IReadOnlyList<VmExitDelta> rows, long totalBefore, long totalAfter)
    {
        Rows = rows;
        TotalBefore = totalBefore;
        TotalAfter = totalAfter;
    }

    /// <summary>Every reason of either report, largest absolute change first (ties by name).</summary>
    public IReadOnlyList<VmExitDelta> Rows { get; }

    /// <summary>All samples before (the report's <c>Total Samples</c>, or the sum of its rows).</summary>
    public long TotalBefore { get; }

    /// <summary>All samples after.</summary>
    public long TotalAfter { get; }

    /// <summary>Compares two <c>perf kvm stat report</c> outputs by exit reason.</summary>
    /// <param name="before">The report before the change.</param>
    /// <param name="after">The report after the change.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">A report is null.</exception>
    public static VmExitComparison Compare(PerfKvmStatReport before, PerfKvmStatReport after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Build(
            before.Rows.Select(r => (r.Name, r.Samples)),
            after.Rows.Select(r => (r.Name, r.Samples)),
            before.TotalSamples ?? Saturating.Sum(before.Rows.Select(r => r.Samples)),
            after.TotalSamples ?? Saturating.Sum(after.Rows.Select(r => r.Samples)));
    }

    /// <summary>Compares two <c>perf stat</c> outputs (e.g. <c>-e 'kvm:*'</c>) by event; counters without a count are skipped.</summary>
    /// <param name="before">The report before the change.</param>
    /// <param name="after">The report after the change.</param>
    /// <returns>The comparison; the totals are the sums of <c>kvm:kvm_exit</c> when present, else of all counts.</returns>
    /// <exception cref="ArgumentNullException">A report is null.</exception>
    public static VmExitComparison Compare(PerfStatReport before, PerfStatReport after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        static IEnumerable<(string, long)> Counts(PerfStatReport report) =>
            report.Counters.Where(c => c.Count is not null).Select(c => (c.Event, c.Count!.Value));
        static long Total(PerfStatReport report) =>
            report.Find("kvm:kvm_exit")?.Count ?? Saturating.Sum(report.Counters.Select(c => c.Count ?? 0));
        return Build(Counts(before), Counts(after), Total(before), Total(after));
    }

    /// <summary>The row for a reason, or null when neither report has it.</summary>
    /// <param name="name">The reason or event, e.g. <c>VMREAD</c>.</param>
    /// <returns>The row or null.</returns>
    public VmExitDelta? Find(string name) => Rows.FirstOrDefault(r => r.Name == name);

    /// <summary>How many exits of the given reasons went away in total, e.g. <c>Eliminated("VMREAD", "VMWRITE")</c>.</summary>
    /// <param name="names">The reasons.</param>
    /// <returns>Before minus after, summed; negative when there are more.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is null.</exception>
    public long Eliminated(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Saturating.Sum(names.Select(n => Find(n)?.Eliminated ?? 0));
    }

    /// <summary>Renders a table: reason, before, after, difference, change in percent.</summary>
    /// <returns>Multi-line text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"reason",-24} {"before",12} {"after",12} {"difference",12} {"change",9}");
        foreach (var row in Rows.Append(VmExitDelta.Of("(total)", TotalBefore, TotalAfter)))
        {
            var change = row.ChangePercent is { } percent ? percent.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "new";
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{row.Name,-24} {row.Before,12} {row.After,12} {row.Difference,12:+0;-0;0} {change,9}");
        }

        return text.ToString();
    }

    private static VmExitComparison Build(IEnumerable<(string Name, long Count)> before, IEnumerable<(string Name, long Count)> after, long totalBefore, long totalAfter)
    {
        var counts = new Dictionary<string, (long Before, long After)>(StringComparer.Ordinal);
        foreach (var (name, count) in before)
        {
            counts[name] = (Saturating.Add(counts.GetValueOrDefault(name).Before, count), counts.GetValueOrDefault(name).After);
        }

        foreach (var (name, count) in after)
        {
            counts[name] = (counts.GetValueOrDefault(name).Before, Saturating.Add(counts.GetValueOrDefault(name).After, count));
        }

        var rows = counts
            .Select(pair => VmExitDelta.Of(pair.Key, pair.Value.Before, pair.Value.After))
            .OrderByDescending(r => r.Difference == long.MinValue ? long.MaxValue : Math.Abs(r.Difference))
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return new VmExitComparison(rows, totalBefore, totalAfter);
    }
}
