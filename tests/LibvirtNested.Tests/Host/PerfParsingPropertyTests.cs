using System.Globalization;
using System.Text;
using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

/// <summary>Defect 8: perf output is untrusted text. Random, huge, negative and garbled reports must parse (unknown lines
/// land in <c>UnrecognizedLines</c>), compare and render without any exception: the parsers document only
/// <see cref="ArgumentNullException"/>.</summary>
[TestFixture]
public sealed class PerfParsingPropertyTests
{
    public const int Cases = 10_000;

    private static readonly string[] Numbers =
    [
        "0", "1", "42", "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
        "99999999999999999999999999999999999999", new string('9', 400), "-1", "-9223372036854775809", "1.5", "1.2.3", "1,234,567",
        "1'234", "nan", "inf", "-inf", "NaN", "1e400", "", "٣", "0x10", "+7", "00000000000000000000000001",
    ];

    private static readonly string[] KvmTemplates =
    [
        "Analyze events for all VMs, VCPU {0}:",
        "Analyze events for pid(s) {0}, all VCPUs:",
        "             VM-EXIT    Samples  Samples%     Time%    Min Time    Max Time         Avg time",
        "              VMREAD {0}    {1}%     {2}%      {3}us     {4}us      {5}us ( +-   {6}% )",
        "             PF excp {0}    {1}%     {2}%      {3}us     {4}us      {5}us ( +-   {6}% )",
        "Total Samples:{0}, Total events handled time:{1}us.",
        "Lost events: {0}",
        "12:34:56.123456",
        "\u001b[H\u001b[2J",
        "libtraceevent: No such file or directory",
        "{0} {1} {2}",
    ];

    private static readonly string[] StatTemplates =
    [
        " Performance counter stats for process id '{0}':",
        "         {0}      kvm:kvm_exit",
        "         {0}      kvm:kvm_entry                    # {1} M/sec   ( +-  {2}% )  ({3}%)",
        "          {0} msec task-clock                       #    {1} CPUs utilized",
        "     <not counted>      kvm:kvm_mmio",
        "   <not supported>      kvm:kvm_pio",
        "       {0} seconds time elapsed",
        "       {0} +- {1} seconds time elapsed  ( +-  {2}% )",
        "       {0} seconds user",
        "{0}",
    ];

    private static string Generate(Random random, string[] templates)
    {
        var text = new StringBuilder();
        var lines = random.Next(0, 30);
        for (var i = 0; i < lines; i++)
        {
            var template = templates[random.Next(templates.Length)];
            var values = Enumerable.Range(0, 7).Select(_ => Pick(random)).ToArray<object>();
            var line = string.Format(CultureInfo.InvariantCulture, template, values);
            if (random.Next(10) == 0)
            {
                // Garble: cut, duplicate or flip a character.
                var chars = line.ToCharArray();
                if (chars.Length > 0)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
                }

                line = new string(chars);
            }

            text.Append(line).Append(random.Next(5) == 0 ? "\r\n" : "\n");
        }

        return text.ToString();
    }

    private static string Pick(Random random) =>
        random.Next(4) == 0 ? random.NextInt64().ToString(CultureInfo.InvariantCulture) : Numbers[random.Next(Numbers.Length)];

    [Test]
    public void Random_perf_kvm_stat_reports_parse_compare_and_render_without_exceptions()
    {
        var random = new Random(8);
        var rows = 0;
        for (var i = 0; i < Cases; i++)
        {
            var before = PerfKvmStatReport.Parse(Generate(random, KvmTemplates));
            var after = PerfKvmStatReport.ParseAll(Generate(random, KvmTemplates))[^1];
            var comparison = VmExitComparison.Compare(before, after);
            _ = comparison.ToString();
            _ = comparison.Eliminated("VMREAD", "PF excp", "VMWRITE");
            _ = before.Rows.Sum(r => r.TotalMicroseconds);
            rows += before.Rows.Count;
        }

        Assert.That(rows, Is.GreaterThan(300), "the generator produces recognised rows too");
    }

    [Test]
    public void Random_perf_stat_reports_parse_compare_and_render_without_exceptions()
    {
        var random = new Random(9);
        var counters = 0;
        for (var i = 0; i < Cases; i++)
        {
            var before = PerfStatReport.Parse(Generate(random, StatTemplates));
            var after = PerfStatReport.Parse(Generate(random, StatTemplates));
            var comparison = VmExitComparison.Compare(before, after);
            _ = comparison.ToString();
            _ = before.Counters.Select(c => (c.Count, c.ToString())).ToList();
            counters += before.Counters.Count;
        }

        Assert.That(counters, Is.GreaterThan(300));
    }

    [Test]
    public void A_count_beyond_long_is_an_unrecognised_line_not_an_overflow()
    {
        var text = "Analyze events for all VMs, all VCPUs:\n\n"
            + "             VM-EXIT    Samples  Samples%     Time%    Min Time    Max Time         Avg time\n\n"
            + "              VMREAD 99999999999999999999    54.22%     1.73%      0.31us     48.21us      0.61us ( +-   0.41% )\n"
            + "             VMWRITE 9223372036854775807    45.78%     1.73%      0.31us     48.21us      0.61us ( +-   0.41% )\n"
            + "                 HLT 9223372036854775807    45.78%     1.73%      0.31us     48.21us      0.61us ( +-   0.41% )\n"
            + "Total Samples:18446744073709551616, Total events handled time:1.00us.\n";

        var report = PerfKvmStatReport.Parse(text);
        var comparison = VmExitComparison.Compare(PerfKvmStatReport.Parse(string.Empty), report);

        Assert.Multiple(() =>
        {
            Assert.That(report.Rows.Select(r => r.Name), Is.EqualTo(new[] { "VMWRITE", "HLT" }));
            Assert.That(report.UnrecognizedLines.Select(l => l.LineNumber), Is.EqualTo(new[] { 5, 8 }));
            Assert.That(report.TotalSamples, Is.Null);
            Assert.That(comparison.TotalAfter, Is.EqualTo(long.MaxValue), "the sum saturates");
            Assert.That(comparison.Find("HLT")!.Difference, Is.EqualTo(long.MaxValue));
            Assert.That(comparison.Eliminated("HLT", "VMWRITE"), Is.EqualTo(long.MinValue), "two eliminations of -long.MaxValue: saturated, not wrapped");
        });
    }

    [Test]
    public void Differences_of_any_two_counts_saturate()
    {
        var delta = VmExitDelta.Of("x", long.MinValue, long.MaxValue);

        Assert.That(delta.Difference, Is.EqualTo(long.MaxValue));
        Assert.That(delta.Eliminated, Is.EqualTo(long.MinValue));
    }
}
