using System.Diagnostics;
using System.Text;
using LibvirtNested.Host;
using LibvirtNested.Host.Internal;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

/// <summary>A guest is never offered a local modprobe.d remedy (it cannot make its guests use KVM); and the modprobe parsers
/// and the report's text stay linear when a line repeats an option thousands of times (defect 6).</summary>
[TestFixture]
public sealed class HostGuestAndScaleTests
{
    private static NestedReadinessReport Probe(string root) => NestedVirtualizationProbe.RunWith(new HostRoot(root), StandInKvmDevice.Instance);

    [TestCase("l1-guest-with-vmx")]
    [TestCase("l1-guest-without-vmx")]
    public void A_guest_is_offered_no_local_modprobe_remedy(string fixture)
    {
        var report = Probe(HostFixtures.Readiness(fixture));

        Assert.Multiple(() =>
        {
            Assert.That(report.Role, Is.EqualTo(HostRole.Guest));
            Assert.That(report.ModprobeRemedyVendor, Is.Null);
            Assert.That(report.Remedies, Has.None.Contains("KvmModprobeConfig.WriteRemedy"), report.ToString());
            Assert.That(report.Remedies, Has.None.Contains("Write /etc/modprobe.d/"), report.ToString());
        });
    }

    [Test]
    public void A_host_with_nested_off_is_offered_the_modprobe_remedy()
    {
        var report = Probe(HostFixtures.Readiness("intel-nested-off"));

        Assert.That(report.ModprobeRemedyVendor, Is.EqualTo(HostCpuVendor.Intel));
        Assert.That(report.Remedies, Has.Some.Contains("KvmModprobeConfig.WriteRemedy"));
    }

    /// <summary>16,000 <c>nested=0</c> on one line: the report used to repeat the whole line once per option (5.8 GB). Now the
    /// text is proportional to the file: bounded by a small multiple of its size.</summary>
    [Test]
    public void The_report_text_is_linear_in_options_per_line()
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-off"));
        Directory.CreateDirectory(tree.Combine("etc/modprobe.d"));
        var line = "options kvm-intel" + string.Concat(Enumerable.Repeat(" nested=0", 16_000)) + "\n";
        File.WriteAllText(tree.Combine("etc/modprobe.d/kvm-intel.conf"), line);

        var report = Probe(tree.Path);
        var text = report.ToString();

        Assert.That(report.Modprobe.Options, Has.Count.EqualTo(16_000));
        Assert.That(text.Length, Is.LessThan(10 * line.Length), "the line appears a bounded number of times, not once per option");
    }

    [Test]
    public void Merging_and_parsing_many_options_and_continued_lines_is_linear()
    {
        var options = "options kvm-intel" + string.Concat(Enumerable.Repeat(" nested=0", 20_000)) + "\n";
        var continued = new StringBuilder("options kvm-intel nested=0");
        for (var i = 0; i < 20_000; i++)
        {
            continued.Append(" \\\n ept=1");
        }

        continued.Append('\n');
        var watch = Stopwatch.StartNew();
        var (merged, changes) = ModprobeMerge.Merge(options, "kvm-intel", ["nested", "enable_shadow_vmcs"]);
        var parsed = ModprobeFile.ParseOptions("/etc/modprobe.d/x.conf", continued.ToString()).Count();
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(changes, Has.Count.EqualTo(20_001));
            Assert.That(merged, Does.Not.Contain("nested=0"));
            Assert.That(parsed, Is.EqualTo(20_001));

            // Quadratic versions take minutes here (20,000 copies of a 180 KB line); linear ones milliseconds. Far from noise.
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        });
    }
}
