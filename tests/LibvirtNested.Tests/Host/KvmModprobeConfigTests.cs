using System.Diagnostics;
using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KvmModprobeConfigTests
{
    private const string IntelFile = "etc/modprobe.d/kvm-intel.conf";

    [Test]
    public void Remedy_lines_are_the_walkthrough_lines()
    {
        Assert.Multiple(() =>
        {
            Assert.That(KvmModprobeConfig.RemedyLines(HostCpuVendor.Intel),
                Is.EqualTo(new[] { "options kvm-intel nested=1", "options kvm-intel enable_shadow_vmcs=1" }));
            Assert.That(KvmModprobeConfig.RemedyLines(HostCpuVendor.Amd), Is.EqualTo(new[] { "options kvm-amd nested=1" }));
            Assert.That(KvmModprobeConfig.RemedyPath(HostCpuVendor.Intel), Is.EqualTo("/etc/modprobe.d/kvm-intel.conf"));
            Assert.That(KvmModprobeConfig.RemedyPath(HostCpuVendor.Amd), Is.EqualTo("/etc/modprobe.d/kvm-amd.conf"));
            Assert.That(() => KvmModprobeConfig.RemedyPath(HostCpuVendor.Other), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void WriteRemedy_creates_the_intel_file_with_exactly_the_walkthrough_lines()
    {
        using var root = TemporaryTree.Empty();

        var result = KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, root.Path);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(root.Combine(IntelFile)),
                Is.EqualTo("options kvm-intel nested=1\noptions kvm-intel enable_shadow_vmcs=1\n"));
            Assert.That(result.Created, Is.True);
            Assert.That(result.Written, Is.True);
            Assert.That(result.Changes, Is.EqualTo(new[] { "added: options kvm-intel nested=1", "added: options kvm-intel enable_shadow_vmcs=1" }));
            Assert.That(result.Path, Is.EqualTo("/etc/modprobe.d/kvm-intel.conf"));
            Assert.That(result.FullPath, Is.EqualTo(root.Combine(IntelFile)));
            Assert.That(result.Activation, Does.Contain("modprobe -r kvm_intel && modprobe kvm_intel").And.Contain("reboot"));
            Assert.That(File.GetUnixFileMode(root.Combine(IntelFile)),
                Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead));
        });
    }

    [Test]
    public void WriteRemedy_creates_the_amd_file()
    {
        using var root = TemporaryTree.Empty();

        var result = KvmModprobeConfig.WriteRemedy(HostCpuVendor.Amd, root.Path);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(root.Combine("etc/modprobe.d/kvm-amd.conf")), Is.EqualTo("options kvm-amd nested=1\n"));
            Assert.That(result.Activation, Does.Contain("modprobe -r kvm_amd"));
            Assert.That(File.Exists(root.Combine(IntelFile)), Is.False);
        });
    }

    [Test]
    public void WriteRemedy_is_idempotent_and_does_not_touch_an_up_to_date_file()
    {
        using var root = TemporaryTree.Empty();
        KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, root.Path);
        var path = root.Combine(IntelFile);
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);
        var text = File.ReadAllText(path);

        var second = KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, root.Path);

        Assert.Multiple(() =>
        {
            Assert.That(second.Changed, Is.False);
            Assert.That(second.Written, Is.False);
            Assert.That(second.Created, Is.False);
            Assert.That(File.ReadAllText(path), Is.EqualTo(text));
            Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(written));
            Assert.That(second.ToString(), Does.Contain("already up to date"));
        });
    }

    [Test]
    public void WriteRemedy_merges_keeping_other_lines_and_options_and_fixes_wrong_values_in_place()
    {
        using var root = TemporaryTree.Empty();
        var path = root.Combine(IntelFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "# tuned by hand\noptions kvm-intel ept=1   nested=0 enable_apicv=Y\n\nblacklist pcspkr\n# options kvm-intel nested=0\n");

        var result = KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, root.Path);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo(
                "# tuned by hand\noptions kvm-intel ept=1   nested=1 enable_apicv=Y\n\nblacklist pcspkr\n# options kvm-intel nested=0\noptions kvm-intel enable_shadow_vmcs=1\n"));
            Assert.That(result.Changes, Is.EqualTo(new[] { "line 2: nested=0 → nested=1", "added: options kvm-intel enable_shadow_vmcs=1" }));
            Assert.That(result.Before, Does.StartWith("# tuned by hand"));
        });
    }

    [Test]
    public void WriteRemedy_accepts_the_underscore_spelling_and_other_true_values_as_already_set()
    {
        using var root = TemporaryTree.Empty();
        var path = root.Combine(IntelFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "options kvm_intel nested=Y\noptions kvm-intel enable_shadow_vmcs");

        var result = KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, root.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Changed, Is.False);
            Assert.That(File.ReadAllText(path), Is.EqualTo("options kvm_intel nested=Y\noptions kvm-intel enable_shadow_vmcs"));
        });
    }

    [Test]
    public void WriteRemedy_appends_after_a_last_line_without_newline()
    {
        using var root = TemporaryTree.Empty();
        var path = root.Combine(IntelFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "options kvm-intel nested=1");

        KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, root.Path);

        Assert.That(File.ReadAllText(path), Is.EqualTo("options kvm-intel nested=1\noptions kvm-intel enable_shadow_vmcs=1\n"));
    }

    [Test]
    public void WriteRemedy_replaces_the_file_atomically_and_keeps_its_permissions()
    {
        using var root = TemporaryTree.Empty();
        var path = root.Combine(IntelFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        const string original = "options kvm-intel nested=0\n";
        File.WriteAllText(path, original);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var hardLink = root.Combine("old-inode");
        Run("ln", path, hardLink);

        KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, root.Path);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(hardLink), Is.EqualTo(original), "a rename leaves the old inode untouched; an in-place write would not");
            Assert.That(File.ReadAllText(path), Does.StartWith("options kvm-intel nested=1\n"));
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName), Is.EqualTo(new[] { "kvm-intel.conf" }));
        });
    }

    [Test]
    public void PlanRemedy_writes_nothing()
    {
        using var root = TemporaryTree.Empty();

        var plan = KvmModprobeConfig.PlanRemedy(HostCpuVendor.Intel, root.Path);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Changed, Is.True);
            Assert.That(plan.Written, Is.False);
            Assert.That(plan.After, Is.EqualTo("options kvm-intel nested=1\noptions kvm-intel enable_shadow_vmcs=1\n"));
            Assert.That(Directory.EnumerateFileSystemEntries(root.Path), Is.Empty);
            Assert.That(plan.ToString(), Does.Contain("would change"));
        });
    }

    [Test]
    public void WriteRemedy_reports_a_later_file_that_still_overrides_it_and_leaves_that_file_alone()
    {
        using var root = HostFixtures.Copy(HostFixtures.Readiness("modprobe-conflicts"));
        var later = root.Combine("etc/modprobe.d/zz-local.conf");
        var laterText = File.ReadAllText(later);

        var result = KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, root.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Changed, Is.False, "kvm-intel.conf already has both settings");
            Assert.That(result.OverriddenBy.Select(o => (o.File, o.LineNumber, o.Parameter, o.Value)),
                Is.EqualTo(new[] { ("/etc/modprobe.d/zz-local.conf", 1, "nested", (string?)"N") }));
            Assert.That(File.ReadAllText(later), Is.EqualTo(laterText));
            Assert.That(result.ToString(), Does.Contain("still overridden by /etc/modprobe.d/zz-local.conf:1"));
        });
    }

    [Test]
    public void Read_understands_both_spellings_comments_continuations_and_bare_names()
    {
        using var root = TemporaryTree.Empty();
        var folder = root.Combine("etc/modprobe.d");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.conf"), "options kvm-intel nested=0\n  # options kvm_intel nested=1\noptions\tkvm_amd  nested=1\n");
        File.WriteAllText(Path.Combine(folder, "b.conf"), "options kvm_intel \\\n  nested=1 ept\r\nalias foo bar\noptions snd-hda-intel model=auto\n");
        File.WriteAllText(Path.Combine(folder, "c.txt"), "options kvm-intel nested=0\n");
        Directory.CreateDirectory(Path.Combine(folder, "broken.conf"));

        var config = KvmModprobeConfig.Read(root.Path);

        Assert.Multiple(() =>
        {
            Assert.That(config.Options.Select(o => $"{Path.GetFileName(o.File)}:{o.LineNumber} {o.NormalizedModule} {o.Parameter}={o.Value ?? "(bare)"}"),
                Is.EqualTo(new[]
                {
                    "a.conf:1 kvm_intel nested=0",
                    "a.conf:3 kvm_amd nested=1",
                    "b.conf:1 kvm_intel nested=1",
                    "b.conf:1 kvm_intel ept=(bare)",
                }));
            Assert.That(config.GetEffective("kvm-intel", "nested")?.File, Is.EqualTo("/etc/modprobe.d/b.conf"));
            Assert.That(config.GetEffective("kvm_intel", "ept")?.BooleanValue, Is.True);
            Assert.That(config.GetEffective("kvm_intel", "enable_shadow_vmcs"), Is.Null);
            Assert.That(config.Problems.Single().Path, Is.EqualTo("/etc/modprobe.d/broken.conf"));
        });
    }

    [Test]
    public void Read_of_a_root_without_modprobe_d_is_empty_without_problems()
    {
        using var root = TemporaryTree.Empty();

        var config = KvmModprobeConfig.Read(root.Path);

        Assert.Multiple(() =>
        {
            Assert.That(config.Options, Is.Empty);
            Assert.That(config.Problems, Is.Empty);
        });
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, process.StandardError.ReadToEnd());
    }
}
