using System.Text.Json;
using LibvirtNested.Cli.Commands;
using LibvirtNested.Host;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary><c>virt-nest check</c> on this machine and on the Host tests' fixture trees (--root); <c>--fix</c> on copies of them.</summary>
[TestFixture]
public sealed class CheckTests
{
    private static string Tree(string name) => Path.Combine(RepositoryPaths.Root, "tests", "LibvirtNested.Tests", "Host", "Fixtures", "Readiness", name);

    [Test]
    public void Check_prints_the_report_and_exits_by_its_verdict_on_this_machine()
    {
        var text = Cli.Run("check");
        var json = Cli.Run("check", "--json");

        using var document = JsonDocument.Parse(json.Output);
        var verdict = document.RootElement.GetProperty("verdict").GetString();
        var expected = verdict switch { "ready" => 0, "not-ready" => 3, _ => 4 };
        Assert.That(json.ExitCode, Is.EqualTo(expected), json.ToString);
        Assert.That(text.ExitCode, Is.EqualTo(expected), text.ToString);
        Assert.That(text.Output, Does.StartWith("Nested virtualization readiness: " + verdict!.Replace('-', ' ').ToUpperInvariant()));
        Assert.That(text.Output, Is.EqualTo(NestedVirtualizationProbe.Run() + "\n"), "the library's report, as it is");
    }

    [TestCase("amd-nested-on", "host", "amd", false, true, "kvm_amd")]
    [TestCase("intel-nested-off", "host", "intel", true, false, "kvm_intel")]
    [TestCase("l1-guest-with-vmx", "guest", "intel", true, false, "kvm_intel")]
    public void Check_json_has_the_reports_shape_and_values(string tree, string role, string vendor, bool vmx, bool svm, string module)
    {
        var result = Cli.Run("check", "--json", "--root", Tree(tree));

        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        var report = NestedVirtualizationProbe.Run(Tree(tree));
        Assert.That(result.ExitCode, Is.EqualTo(CheckCommand.ExitCodeOf(report.Verdict)), result.ToString);
        Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo(report.Verdict == ReadinessVerdict.Ready ? "ready" : "not-ready"));
        Assert.That(root.GetProperty("role").GetString(), Is.EqualTo(role));
        Assert.That(root.GetProperty("cpu").GetProperty("vendor").GetString(), Is.EqualTo(vendor));
        Assert.That(root.GetProperty("cpu").GetProperty("vmx").GetBoolean(), Is.EqualTo(vmx));
        Assert.That(root.GetProperty("cpu").GetProperty("svm").GetBoolean(), Is.EqualTo(svm));
        Assert.That(root.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("name").GetString()), Does.Contain(module));
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(findings.Select(f => f.GetProperty("id").GetString()), Is.EqualTo(report.Findings.Select(f => f.Id)));
        Assert.That(findings.Select(f => f.GetProperty("message").GetString()), Is.EqualTo(report.Findings.Select(f => f.Message)));
        Assert.That(findings.SelectMany(f => f.GetProperty("evidence").EnumerateArray()).Select(e => e.GetProperty("path").GetString()),
            Is.EqualTo(report.Findings.SelectMany(f => f.Evidence).Select(e => e.Path)));
        Assert.That(root.GetProperty("remedies").GetArrayLength(), Is.EqualTo(report.Remedies.Count));
    }

    [TestCase(ReadinessVerdict.Ready, 0)]
    [TestCase(ReadinessVerdict.NotReady, 3)]
    [TestCase(ReadinessVerdict.Unknown, 4)]
    [TestCase((ReadinessVerdict)99, 4)]
    public void The_exit_code_follows_the_verdict(ReadinessVerdict verdict, int exitCode) =>
        Assert.That(CheckCommand.ExitCodeOf(verdict), Is.EqualTo(exitCode));

    [Test]
    public void Fix_dry_run_prints_the_modprobe_change_and_writes_nothing()
    {
        using var temp = CopyOf("amd-nested-on");

        var result = Cli.Run("check", "--fix", "--dry-run", "--root", temp.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Contain("would change").And.Contain("+options kvm-amd nested=1"));
        Assert.That(Directory.Exists(Path.Combine(temp.Path, "etc")), Is.False);
    }

    [Test]
    public void Fix_writes_the_remedy_once_and_a_second_fix_changes_nothing()
    {
        using var temp = CopyOf("intel-nested-off");
        var conf = Path.Combine(temp.Path, "etc", "modprobe.d", "kvm-intel.conf");

        var first = Cli.Run("check", "--fix", "--root", temp.Path, "--json");
        var second = Cli.Run("check", "--fix", "--root", temp.Path, "--json");

        Assert.That(first.ExitCode, Is.Zero, first.ToString);
        using (var json = JsonDocument.Parse(first.Output))
        {
            Assert.That(json.RootElement.GetProperty("written").GetBoolean(), Is.True);
            Assert.That(json.RootElement.GetProperty("path").GetString(), Is.EqualTo("/etc/modprobe.d/kvm-intel.conf"));
            Assert.That(json.RootElement.GetProperty("diff").GetString(), Does.Contain("+options kvm-intel nested=1"));
        }

        Assert.That(File.ReadAllText(conf), Does.Contain("options kvm-intel nested=1"));
        var written = File.ReadAllBytes(conf);
        Assert.That(second.ExitCode, Is.Zero, second.ToString);
        using (var json = JsonDocument.Parse(second.Output))
        {
            Assert.That(json.RootElement.GetProperty("changed").GetBoolean(), Is.False);
            Assert.That(json.RootElement.GetProperty("diff").GetString(), Is.Empty);
        }

        Assert.That(File.ReadAllBytes(conf), Is.EqualTo(written));
    }

    [Test]
    public void Fix_on_a_guest_says_to_fix_L0_in_one_paragraph()
    {
        var result = Cli.Run("check", "--fix", "--root", Tree("l1-guest-with-vmx"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failed), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain("guest").And.Contain("L0"));
    }

    [Test]
    public void Dry_run_without_fix_is_a_usage_error()
    {
        var result = Cli.Run("check", "--dry-run");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Cli.AssertOneErrorParagraph(result);
    }

    private static TempDirectory CopyOf(string tree)
    {
        var temp = new TempDirectory();
        var source = Tree(tree);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(temp.Path, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return temp;
    }
}
