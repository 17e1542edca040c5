using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

[TestFixture]
public sealed class VmExitComparisonTests
{
    private static VmExitComparison ShadowVmcs() => VmExitComparison.Compare(
        PerfKvmStatReport.Parse(HostFixtures.PerfText("synthetic-intel-before-shadow-vmcs.txt")),
        PerfKvmStatReport.Parse(HostFixtures.PerfText("synthetic-intel-after-shadow-vmcs.txt")));

    [Test]
    public void Enabling_shadow_vmcs_removes_most_vmread_and_vmwrite_exits()
    {
        var comparison = ShadowVmcs();

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Find("VMREAD"), Is.EqualTo(VmExitDelta.Of("VMREAD", 1843212, 15421)));
            Assert.That(comparison.Find("VMWRITE")!.Eliminated, Is.EqualTo(1290457 - 10233));
            Assert.That(comparison.Eliminated("VMREAD", "VMWRITE"), Is.EqualTo(1843212 - 15421 + 1290457 - 10233));
            Assert.That(comparison.Find("VMREAD")!.ChangePercent, Is.EqualTo(-99.16).Within(0.01));
            Assert.That(comparison.Rows.Take(2).Select(r => r.Name), Is.EqualTo(new[] { "VMREAD", "VMWRITE" }), "largest change first");
            Assert.That(comparison.TotalBefore, Is.EqualTo(3399630));
            Assert.That(comparison.TotalAfter, Is.LessThan(comparison.TotalBefore));
        });
    }

    [Test]
    public void Reasons_missing_from_one_side_count_as_zero()
    {
        var before = PerfKvmStatReport.Parse(HostFixtures.PerfText("synthetic-ioport.txt"));
        var after = PerfKvmStatReport.Parse(HostFixtures.PerfText("real-kvm-stat-report-vmexit.txt"));

        var comparison = VmExitComparison.Compare(before, after);

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Find("0x70:POUT"), Is.EqualTo(VmExitDelta.Of("0x70:POUT", 120, 0)));
            Assert.That(comparison.Find("0x70:POUT")!.ChangePercent, Is.EqualTo(-100));
            Assert.That(VmExitComparison.Compare(after, before).Find("0x71:PIN")!.ChangePercent, Is.Null);
            Assert.That(comparison.Find("VMREAD"), Is.Null);
            Assert.That(comparison.Eliminated("VMREAD"), Is.Zero);
        });
    }

    [Test]
    public void Perf_stat_counts_compare_by_event_and_total_on_kvm_exit()
    {
        var before = PerfStatReport.Parse(HostFixtures.PerfText("real-perf-stat-kvm-all.txt"));
        var after = PerfStatReport.Parse(HostFixtures.PerfText("real-perf-stat-kvm-some.txt"));

        var comparison = VmExitComparison.Compare(before, after);

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Find("kvm:kvm_emulate_insn"), Is.EqualTo(VmExitDelta.Of("kvm:kvm_emulate_insn", 32860, 1305759)));
            Assert.That(comparison.Find("kvm:kvm_fpu"), Is.EqualTo(VmExitDelta.Of("kvm:kvm_fpu", 212, 0)));
            Assert.That(comparison.TotalBefore, Is.Zero);
        });
    }

    [Test]
    public void The_table_lists_every_reason_and_the_total()
    {
        var text = ShadowVmcs().ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text.Split('\n')[0], Does.StartWith("reason"));
            Assert.That(text, Does.Contain("VMREAD").And.Contain("1843212").And.Contain("15421").And.Contain("-1827791").And.Contain("-99.2%"));
            Assert.That(text.Split('\n')[^1], Does.StartWith("(total)"));
        });
    }
}
