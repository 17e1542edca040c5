using System.Net;
using System.Text.Json;
using NUnit.Framework;
using static LibvirtNested.NestedStack.Tests.StackRun;

namespace LibvirtNested.NestedStack.Tests;

/// <summary>
/// The real L0 → L1 → L2 stack, as the library reported it while scripts/nested-stack.sh built it: states,
/// addresses, the LUN in L2's definition and in L2's own view, parsed VM-exit counts.
/// </summary>
[TestFixture]
public sealed class NestedStackTests
{
    private static string L1Accel => Text("L1Accel") ?? "";

    [Test]
    public void Every_stage_ran_within_its_limit_and_the_stack_was_built()
    {
        var stages = Get("Stages").EnumerateArray().ToList();

        Assert.That(Get("Completed").GetBoolean(), Is.True, Text("Failure"));
        Assert.That(stages.Select(s => s.GetProperty("Name").GetString()), Has.Some.StartsWith("L0 readiness").And.Some.StartsWith("VM exits"));
        foreach (var stage in stages)
        {
            Assert.That(stage.GetProperty("Ok").GetBoolean(), Is.True, stage.GetProperty("Error").ToString());
            Assert.That(stage.GetProperty("Seconds").GetDouble(), Is.LessThanOrEqualTo(stage.GetProperty("LimitSeconds").GetDouble()));
        }
    }

    [Test]
    public void L0s_readiness_report_explains_how_L1_runs()
    {
        Assert.That(L1Accel, Is.AnyOf("kvm", "tcg"));
        var verdict = Text("L0.Verdict");
        if (L1Accel == "tcg")
        {
            // Emulated because L0 cannot nest: the probe must say so with at least one finding that is not ready.
            Assert.That(verdict, Is.Not.EqualTo("Ready"));
            Assert.That(Get("L0.Findings").EnumerateArray().Select(f => f.GetProperty("Verdict").GetString()), Has.Some.EqualTo("NotReady"));
        }
        else
        {
            Assert.That(verdict, Is.EqualTo("Ready"));
        }
    }

    [Test]
    public void L1_got_the_nesting_cpu_its_domain_capabilities_allow_and_a_virtio_scsi_controller()
    {
        Assert.That(Text("L1.State"), Is.EqualTo("Running"));
        Assert.That(Get("L1.HasVirtioScsiController").GetBoolean(), Is.True);
        var features = Get("L1.CpuFeatures").EnumerateArray().Select(f => f.GetString()).ToList();
        if (L1Accel == "tcg")
        {
            Assert.That(Text("L1.DomainType"), Is.EqualTo("qemu"));
            Assert.That(Text("L1.CpuMode"), Is.EqualTo("maximum"));
            Assert.That(features, Does.Contain("require:svm"));
        }
        else
        {
            Assert.That(Text("L1.DomainType"), Is.EqualTo("kvm"));
            Assert.That(Text("L1.CpuMode"), Is.AnyOf("host-passthrough", "maximum"));
        }
    }

    [Test]
    public void The_probe_inside_L1_reports_L1_ready_to_host_L2()
    {
        Assert.That(Text("L1.Report.Readiness.Role"), Is.EqualTo("Guest"));
        Assert.That(Get("L1.Report.Readiness.HasSvm").GetBoolean() || Get("L1.Report.Readiness.HasVmx").GetBoolean(), Is.True);
        Assert.That(Get("L1.Report.Readiness.Modules").EnumerateArray().Select(m => m.GetString()), Has.Some.AnyOf("kvm_amd", "kvm_intel"));
        var devKvm = Get("L1.Report.Readiness.Findings").EnumerateArray().Single(f => f.GetProperty("Id").GetString() == "dev.kvm");
        Assert.That(devKvm.GetProperty("Verdict").GetString(), Is.EqualTo("Ready"));
        Assert.That(Text("L1.RemoteUri"), Does.StartWith("qemu+tcp://127.0.0.1:"));
    }

    [Test]
    public void The_block_device_safety_check_in_L1_cleared_the_scsi_debug_disk()
    {
        Assert.That(Text("L1.Report.ScsiDevice"), Does.Match("^/dev/sd[a-z]+$"));
        Assert.That(Text("L1.Report.ScsiVendor"), Is.EqualTo("Linux"));
        Assert.That(Text("L1.Report.ScsiModel"), Is.EqualTo("scsi_debug"));
        Assert.That(Get("L1.Report.ScsiDeviceSafe").GetBoolean(), Is.True, Text("L1.Report.ScsiSafetyError"));
        Assert.That(Get("L1.Report.ScsiDeviceUses").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void The_walkthroughs_NAT_network_is_active_in_L1()
    {
        Assert.That(Text("Network.Name"), Is.EqualTo("nested-bridge"));
        Assert.That(Text("Network.Bridge"), Is.EqualTo("virbr1"));
        Assert.That(Get("Network.Active").GetBoolean(), Is.True);
    }

    [Test]
    public void L2s_definition_in_L1_holds_the_scsi_debug_disk_as_a_LUN()
    {
        Assert.That(Text("L2.DomainType"), Is.EqualTo("kvm"));
        Assert.That(Text("L2.LunDevice"), Is.EqualTo("lun"));
        Assert.That(Text("L2.LunType"), Is.EqualTo("block"));
        Assert.That(Text("L2.LunBus"), Is.EqualTo("scsi"));
        Assert.That(Text("L2.LunSource"), Is.EqualTo(Text("L1.Report.ScsiDevice")));
    }

    [Test]
    public void L2_runs_and_the_librarys_wait_returned_the_address_L2_itself_took()
    {
        Assert.That(Text("L2.State"), Is.EqualTo("Running"));
        var address = IPAddress.Parse(Text("L2.Address")!);
        var bytes = address.GetAddressBytes();
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 192, 168, 166 }));
        Assert.That((int)bytes[3], Is.InRange(128, 254), "inside the network's DHCP range");
        Assert.That(Text("L2.ConsoleAddress"), Is.EqualTo(address.ToString()), "L2's console shows the lease it got");
        Assert.That(Get("L2.Leases").EnumerateArray().Select(l => l.GetString()), Has.Some.Contains(Text("L2.Mac")!).And.Some.Contains(address.ToString()));
    }

    [Test]
    public void L2_saw_and_read_the_SCSI_LUN_from_inside()
    {
        Assert.That(Text("L2.ConsoleScsiVendor"), Is.EqualTo("Linux"));
        Assert.That(Text("L2.ConsoleScsiModel"), Is.EqualTo("scsi_debug"));
        Assert.That(Get("L2.ConsoleScsiRead").GetBoolean(), Is.True);
    }

    [Test]
    public void Perf_kvm_stat_in_L1_gave_exit_counts_that_add_up()
    {
        var rows = Get("Perf.Rows").EnumerateArray().ToList();
        var total = Get("Perf.TotalSamples").GetInt64();

        Assert.That(Text("Perf.EventName"), Is.EqualTo("VM-EXIT"));
        Assert.That(rows, Is.Not.Empty);
        Assert.That(total, Is.GreaterThan(0));
        Assert.That(rows.Sum(r => r.GetProperty("Samples").GetInt64()), Is.EqualTo(total));
        Assert.That(rows.Sum(r => r.GetProperty("SamplesPercent").GetDouble()), Is.EqualTo(100).Within(1));
        if (Get("L1.Report.Readiness.HasSvm").GetBoolean())
        {
            // AMD exit reasons (SVM_EXIT_*), as perf names them: an L2 booting does port I/O and MSR accesses.
            Assert.That(rows.Select(r => r.GetProperty("Name").GetString()), Has.Some.EqualTo("io").Or.Some.EqualTo("msr").Or.Some.EqualTo("npf"));
        }
    }
}
