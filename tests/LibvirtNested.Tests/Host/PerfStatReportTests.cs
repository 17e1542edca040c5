using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

[TestFixture]
public sealed class PerfStatReportTests
{
    [Test]
    public void Real_kvm_star_output_of_this_machine_parses_every_counter_and_reports_the_libtraceevent_errors()
    {
        var report = PerfStatReport.Parse(HostFixtures.PerfText("real-perf-stat-kvm-all.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Target, Is.EqualTo("process id '6626'"));
            Assert.That(report.Counters, Has.Count.GreaterThan(90));
            Assert.That(report.Counters.Select(c => c.Event), Is.All.StartWith("kvm:"));
            Assert.That(report.Find("kvm:kvm_emulate_insn")?.Count, Is.EqualTo(32860));
            Assert.That(report.Find("kvm:kvm_pio")?.Count, Is.EqualTo(159));
            Assert.That(report.Find("kvm:kvm_exit")?.Count, Is.Zero, "kvm_pvm emits no kvm_exit tracepoints");
            Assert.That(report.ElapsedSeconds, Is.EqualTo(2.902246585));
            Assert.That(report.UnrecognizedLines.Select(l => l.Text.Trim()), Is.EqualTo(new[]
            {
                "libtraceevent: No such file or directory",
                "[kvm:kvm_inj_exception] bad op token }",
                "Error: expected type 5 but read 0",
            }));
        });
    }

    [Test]
    public void Real_output_for_a_command_has_units_comments_and_user_and_sys_times()
    {
        var report = PerfStatReport.Parse(HostFixtures.PerfText("real-perf-stat-command.txt"));
        var clock = report.Find("task-clock")!;

        Assert.Multiple(() =>
        {
            Assert.That(report.Target, Is.EqualTo("'sleep 0.1'"));
            Assert.That(report.Find("kvm:kvm_pio")?.Count, Is.Zero);
            Assert.That(report.Find("kvm:kvm_pio")?.Comment, Is.EqualTo("0.000 /sec"));
            Assert.That(clock.Value, Is.EqualTo(1.00));
            Assert.That(clock.Unit, Is.EqualTo("msec"));
            Assert.That(clock.Count, Is.Null);
            Assert.That(clock.Comment, Is.EqualTo("0.009 CPUs utilized"));
            Assert.That(report.ElapsedSeconds, Is.EqualTo(0.111778938));
            Assert.That(report.UserSeconds, Is.EqualTo(0.002138));
            Assert.That(report.SystemSeconds, Is.Zero);
            Assert.That(report.UnrecognizedLines, Is.Empty);
        });
    }

    [Test]
    public void Real_selected_events()
    {
        var report = PerfStatReport.Parse(HostFixtures.PerfText("real-perf-stat-kvm-some.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Counters.Select(c => (c.Event, c.Count)), Is.EqualTo(new (string, long?)[]
            {
                ("kvm:kvm_exit", 0), ("kvm:kvm_entry", 0), ("kvm:kvm_pio", 0), ("kvm:kvm_emulate_insn", 1305759), ("kvm:kvm_userspace_exit", 0),
            }));
            Assert.That(report.UnrecognizedLines, Is.Empty);
        });
    }

    [Test]
    public void Not_counted_grouped_digits_multiplexing_and_repeats()
    {
        const string text = """

             Performance counter stats for 'system wide' (5 runs):

                 1,234,567      kvm:kvm_exit                                                  ( +-  1.25% )
                    98,765      kvm:kvm_entry                                                 (49.98%)
               <not counted>      kvm:kvm_nested_vmexit
             <not supported>      kvm:kvm_nested_vmenter

                   10.0012 +- 0.0003 seconds time elapsed  ( +-  0.00% )
            Some events weren't counted. Try disabling the NMI watchdog:
            """;

        var report = PerfStatReport.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(report.Target, Is.EqualTo("'system wide' (5 runs)"));
            Assert.That(report.Find("kvm:kvm_exit")?.Count, Is.EqualTo(1234567));
            Assert.That(report.Find("kvm:kvm_exit")?.VariancePercent, Is.EqualTo(1.25));
            Assert.That(report.Find("kvm:kvm_entry")?.RunningPercent, Is.EqualTo(49.98));
            Assert.That(report.Find("kvm:kvm_nested_vmexit")?.Status, Is.EqualTo("not counted"));
            Assert.That(report.Find("kvm:kvm_nested_vmexit")?.Value, Is.Null);
            Assert.That(report.Find("kvm:kvm_nested_vmenter")?.Status, Is.EqualTo("not supported"));
            Assert.That(report.ElapsedSeconds, Is.EqualTo(10.0012));
            Assert.That(report.UnrecognizedLines.Single(), Is.EqualTo(PerfUnrecognizedLine.Of(10, "Some events weren't counted. Try disabling the NMI watchdog:")));
        });
    }
}
