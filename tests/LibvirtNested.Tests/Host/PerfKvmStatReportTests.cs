using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

[TestFixture]
public sealed class PerfKvmStatReportTests
{
    [Test]
    public void Real_report_of_this_machine_has_the_header_and_totals_but_no_rows()
    {
        var report = PerfKvmStatReport.Parse(HostFixtures.PerfText("real-kvm-stat-report-vmexit.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(report.EventName, Is.EqualTo("VM-EXIT"));
            Assert.That(report.Target, Is.EqualTo("all VMs"));
            Assert.That(report.Vcpu, Is.Null);
            Assert.That(report.Rows, Is.Empty);
            Assert.That(report.TotalSamples, Is.Zero);
            Assert.That(report.TotalMicroseconds, Is.Zero);
            Assert.That(report.LostEvents, Is.Null);
            Assert.That(report.UnrecognizedLines, Is.Empty);
        });
    }

    [TestCase("real-kvm-stat-report-pid.txt", "VM-EXIT", "pid(s) 15557", null)]
    [TestCase("real-kvm-stat-report-ioport-vcpu0.txt", "IO Port Access", "all VMs", 0)]
    [TestCase("real-kvm-stat-report-mmio.txt", "MMIO Access", "all VMs", null)]
    public void Real_report_variants_name_event_target_and_vcpu(string file, string eventName, string target, int? vcpu)
    {
        var report = PerfKvmStatReport.Parse(HostFixtures.PerfText(file));

        Assert.Multiple(() =>
        {
            Assert.That(report.EventName, Is.EqualTo(eventName));
            Assert.That(report.Target, Is.EqualTo(target));
            Assert.That(report.Vcpu, Is.EqualTo(vcpu));
            Assert.That(report.TotalSamples, Is.Zero);
            Assert.That(report.UnrecognizedLines, Is.Empty);
        });
    }

    [Test]
    public void Rows_are_typed_with_every_column()
    {
        var report = PerfKvmStatReport.Parse(HostFixtures.PerfText("synthetic-intel-before-shadow-vmcs.txt"));
        var vmread = report.Find("VMREAD")!;

        Assert.Multiple(() =>
        {
            Assert.That(report.Target, Is.EqualTo("pid(s) 4242"));
            Assert.That(report.Rows.Select(r => r.Name), Is.EqualTo(new[]
            {
                "VMREAD", "VMWRITE", "EPT_VIOLATION", "VMRESUME", "MSR_WRITE", "EXTERNAL_INTERRUPT", "HLT", "VMPTRLD", "CPUID", "IO_INSTRUCTION",
            }));
            Assert.That(vmread, Is.EqualTo(new PerfKvmStatRow
            {
                Name = "VMREAD",
                Samples = 1843212,
                SamplesPercent = 54.22,
                TimePercent = 1.73,
                MinMicroseconds = 0.31,
                MaxMicroseconds = 48.21,
                MeanMicroseconds = 0.61,
                RelativeStdDevPercent = 0.41,
                LineNumber = 7,
            }));
            Assert.That(report.Find("HLT")!.MaxMicroseconds, Is.EqualTo(1001118.99));
            Assert.That(report.TotalSamples, Is.EqualTo(3399630));
            Assert.That(report.TotalSamples, Is.EqualTo(report.Rows.Sum(r => r.Samples)));
            Assert.That(report.TotalMicroseconds, Is.EqualTo(65273523.12));
            Assert.That(report.SamplesOf("VMCLEAR"), Is.Zero);
            Assert.That(report.UnrecognizedLines, Is.Empty);
        });
    }

    [Test]
    public void The_40_wide_name_column_of_newer_perf_parses_the_same()
    {
        var report = PerfKvmStatReport.Parse(HostFixtures.PerfText("synthetic-intel-key-time-width40.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Rows, Has.Count.EqualTo(10));
            Assert.That(report.Rows[0].Name, Is.EqualTo("HLT"), "--key=time sorts by mean time");
            Assert.That(report.SamplesOf("VMWRITE"), Is.EqualTo(1290457));
            Assert.That(report.UnrecognizedLines, Is.Empty);
        });
    }

    [Test]
    public void Live_output_with_escape_codes_svm_names_with_spaces_and_lost_events()
    {
        var report = PerfKvmStatReport.Parse(HostFixtures.PerfText("synthetic-amd-vcpu0-live.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Timestamp, Is.EqualTo("04:20:11.123456"));
            Assert.That(report.Vcpu, Is.Zero);
            Assert.That(report.Rows.Select(r => r.Name), Is.EqualTo(new[] { "npf", "PF excp", "io", "hlt", "UNKNOWN" }));
            Assert.That(report.Find("PF excp")!.Samples, Is.EqualTo(8012));
            Assert.That(report.LostEvents, Is.EqualTo(17));
            Assert.That(report.UnrecognizedLines, Is.Empty);
        });
    }

    [Test]
    public void Io_port_rows()
    {
        var report = PerfKvmStatReport.Parse(HostFixtures.PerfText("synthetic-ioport.txt"));

        Assert.That(report.Rows.Select(r => (r.Name, r.Samples)), Is.EqualTo(new[] { ("0x70:POUT", 120L), ("0x71:PIN", 118L) }));
    }

    [Test]
    public void Unknown_lines_are_reported_with_their_line_numbers()
    {
        var text = "[ perf record: Woken up 1 times to write data ]\n"
            + HostFixtures.PerfText("synthetic-ioport.txt")
            + "Warning: something perf did not like\n";

        var report = PerfKvmStatReport.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(report.Rows, Has.Count.EqualTo(2));
            Assert.That(report.UnrecognizedLines, Has.Count.EqualTo(2));
            Assert.That(report.UnrecognizedLines[0], Is.EqualTo(PerfUnrecognizedLine.Of(1, "[ perf record: Woken up 1 times to write data ]")));
            Assert.That(report.UnrecognizedLines[1].Text, Is.EqualTo("Warning: something perf did not like"));
        });
    }

    [Test]
    public void A_row_with_a_broken_column_is_not_guessed_but_reported()
    {
        var text = "Analyze events for all VMs, all VCPUs:\n\n             VM-EXIT    Samples  Samples%     Time%    Min Time    Max Time         Avg time \n\n"
            + "              VMREAD    lots    54.22%     1.73%      0.31us     48.21us      0.61us ( +-   0.41% )\n"
            + "                 nan          3      nan%     -nan%      0.31us      0.40us     -nanus ( +-   -nan% )\n";

        var report = PerfKvmStatReport.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(report.UnrecognizedLines.Single().LineNumber, Is.EqualTo(5));
            Assert.That(report.Rows.Single().Samples, Is.EqualTo(3));
            Assert.That(double.IsNaN(report.Rows.Single().SamplesPercent), Is.True);
            Assert.That(double.IsNaN(report.Rows.Single().MeanMicroseconds), Is.True);
        });
    }

    [Test]
    public void ParseAll_splits_repeated_live_reports()
    {
        var one = HostFixtures.PerfText("synthetic-amd-vcpu0-live.txt");

        var reports = PerfKvmStatReport.ParseAll(one + one.Replace("04:20:11.123456", "04:20:12.123456", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(reports, Has.Count.EqualTo(2));
            Assert.That(reports.Select(r => r.Timestamp), Is.EqualTo(new[] { "04:20:11.123456", "04:20:12.123456" }));
            Assert.That(reports.Select(r => r.Rows.Count), Is.All.EqualTo(5));
            Assert.That(PerfKvmStatReport.Parse(one + one).Rows, Has.Count.EqualTo(5));
        });
    }

    [Test]
    public void Empty_text_is_an_empty_report()
    {
        var report = PerfKvmStatReport.Parse(string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(report.EventName, Is.Null);
            Assert.That(report.Rows, Is.Empty);
            Assert.That(report.TotalSamples, Is.Null);
        });
    }
}
