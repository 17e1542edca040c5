using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.NestedStack.Tests;

/// <summary>
/// <see cref="PerfKvmStatReport"/> on a real report with exit rows: <c>perf kvm stat record</c> in L1 (QEMU TCG,
/// emulated svm, kvm_amd) while a KVM L2 booted, from a nested-stack run on a 2-core machine (AMD exit reasons).
/// </summary>
[TestFixture]
public sealed class PerfKvmStatFixtureTests
{
    private static PerfKvmStatReport Report() =>
        PerfKvmStatReport.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "perf-kvm-stat-l1-tcg-svm-l2-boot.txt")));

    [Test]
    public void The_real_L1_report_parses_to_its_five_AMD_exit_reasons_with_nothing_left_over()
    {
        var report = Report();

        Assert.That(report.EventName, Is.EqualTo("VM-EXIT"));
        Assert.That(report.Target, Is.EqualTo("all VMs"));
        Assert.That(report.Rows.Select(r => r.Name), Is.EqualTo(new[] { "msr", "hlt", "interrupt", "vintr", "npf" }));
        Assert.That(report.UnrecognizedLines, Is.Empty);
    }

    [Test]
    public void Counts_percentages_and_times_are_read_from_the_columns()
    {
        var report = Report();
        var msr = report.Find("msr")!;
        var hlt = report.Find("hlt")!;

        Assert.That((msr.Samples, msr.SamplesPercent, msr.TimePercent), Is.EqualTo((559L, 59.09, 1.09)));
        Assert.That((msr.MinMicroseconds, msr.MaxMicroseconds, msr.MeanMicroseconds, msr.RelativeStdDevPercent), Is.EqualTo((0.0, 179143.30, 623.12, 52.10)));
        Assert.That(hlt.MeanMicroseconds, Is.EqualTo(97944.74));
        Assert.That(report.SamplesOf("npf"), Is.EqualTo(1));
        Assert.That(report.SamplesOf("vmmcall"), Is.Zero, "a reason that did not occur");
    }

    [Test]
    public void The_rows_add_up_to_the_reported_totals()
    {
        var report = Report();

        Assert.That(report.TotalSamples, Is.EqualTo(946));
        Assert.That(report.Rows.Sum(r => r.Samples), Is.EqualTo(report.TotalSamples));
        Assert.That(report.TotalMicroseconds, Is.EqualTo(32064773.99).Within(0.01));
        Assert.That(report.Rows.Sum(r => r.SamplesPercent), Is.EqualTo(100).Within(0.05));
        // Samples × mean time per reason approximates the handled time perf reports (its means are rounded).
        Assert.That(report.Rows.Sum(r => r.TotalMicroseconds), Is.EqualTo(report.TotalMicroseconds!.Value).Within(0.1).Percent);
    }
}
