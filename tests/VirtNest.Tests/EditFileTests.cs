using System.Text.Json;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary><c>virt-nest edit FILE.xml</c>: in place, lossless, atomic, idempotent; --print-diff and --dry-run write nothing.</summary>
[TestFixture]
public sealed class EditFileTests
{
    private static readonly string[] AllEdits = ["--host-passthrough", "--virtio-scsi", "--lun", "/dev/sdb", "--network", "nested-bridge"];

    private TempDirectory temp = null!;
    private string guest = null!;

    [SetUp]
    public void CopyGuest()
    {
        temp = new TempDirectory();
        guest = temp.File("guest.xml");
        File.Copy(Fixtures.L1Xml, guest);
    }

    [TearDown]
    public void Delete() => temp.Dispose();

    [Test]
    public void Edit_changes_only_the_edited_elements_and_keeps_every_other_line()
    {
        var before = File.ReadAllLines(guest);

        var result = Cli.Run(["edit", guest, .. AllEdits]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Is.EqualTo($"{guest}: edited and saved.\n"));
        var after = File.ReadAllLines(guest);
        // Lossless: every original line is still there, in order, except the <cpu> line the edit replaces.
        var cpuLine = Array.FindIndex(before, l => l.TrimStart().StartsWith("<cpu ", StringComparison.Ordinal));
        Assert.That(cpuLine, Is.GreaterThanOrEqualTo(0));
        var kept = before.Where((_, i) => i != cpuLine).ToList();
        Assert.That(IsSubsequence(kept, after), Is.True, "every untouched line survives in order:\n" + string.Join('\n', after));
        Assert.That(after[cpuLine], Is.EqualTo(before[cpuLine].Replace("host-model", "host-passthrough", StringComparison.Ordinal)));
        var inserted = Unmatched(kept, after).Where(l => l != after[cpuLine]).Select(l => l.Trim()).ToList();
        Assert.That(inserted, Is.EqualTo(new[]
        {
            "<disk type='block' device='lun'>", "<driver name='qemu' type='raw' cache='none'/>", "<source dev='/dev/sdb'/>",
            "<target dev='sda' bus='scsi'/>", "<address type='drive' controller='0' bus='0' target='0' unit='0'/>", "</disk>",
            "<controller type='scsi' index='0' model='virtio-scsi'/>",
            "<interface type='network'>", "<source network='nested-bridge'/>", "<model type='virtio'/>", "</interface>",
        }), "only the LUN disk, the controller and the NIC are new");
    }

    [Test]
    public void A_second_edit_changes_nothing_and_leaves_the_file_byte_for_byte()
    {
        Assert.That(Cli.Run(["edit", guest, .. AllEdits]).ExitCode, Is.Zero);
        var once = File.ReadAllBytes(guest);
        var stamp = File.GetLastWriteTimeUtc(guest);

        var again = Cli.Run(["edit", guest, .. AllEdits, "--json"]);

        Assert.That(again.ExitCode, Is.Zero, again.ToString);
        using var json = JsonDocument.Parse(again.Output);
        Assert.That(json.RootElement.GetProperty("changed").GetBoolean(), Is.False);
        Assert.That(json.RootElement.GetProperty("applied").GetBoolean(), Is.False);
        Assert.That(json.RootElement.GetProperty("diff").GetString(), Is.Empty);
        Assert.That(File.ReadAllBytes(guest), Is.EqualTo(once));
        Assert.That(File.GetLastWriteTimeUtc(guest), Is.EqualTo(stamp), "not even rewritten");
    }

    [Test]
    public void Print_diff_prints_the_unified_diff_and_writes_nothing()
    {
        var original = File.ReadAllBytes(guest);

        var result = Cli.Run("edit", guest, "--host-passthrough", "--print-diff");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.StartWith($"--- {guest}\n+++ {guest}\n@@ "));
        Assert.That(result.Output, Does.Contain("\n-  <cpu mode='host-model' check='partial'/>\n+  <cpu mode='host-passthrough' check='partial'/>\n"));
        Assert.That(File.ReadAllBytes(guest), Is.EqualTo(original));
        Assert.That(temp.Entries(), Is.EqualTo(new[] { "guest.xml" }));
    }

    [Test]
    public void Dry_run_says_it_would_change_and_writes_nothing()
    {
        var original = File.ReadAllBytes(guest);

        var result = Cli.Run(["edit", guest, .. AllEdits, "--dry-run", "--json"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        using var json = JsonDocument.Parse(result.Output);
        Assert.That(json.RootElement.GetProperty("kind").GetString(), Is.EqualTo("file"));
        Assert.That(json.RootElement.GetProperty("target").GetString(), Is.EqualTo(guest));
        Assert.That(json.RootElement.GetProperty("changed").GetBoolean(), Is.True);
        Assert.That(json.RootElement.GetProperty("applied").GetBoolean(), Is.False);
        Assert.That(json.RootElement.GetProperty("diff").GetString(), Does.Contain("+      <source dev='/dev/sdb'/>"));
        Assert.That(File.ReadAllBytes(guest), Is.EqualTo(original));
        Assert.That(temp.Entries(), Is.EqualTo(new[] { "guest.xml" }));
    }

    [Test]
    public void A_successful_edit_leaves_no_temporary_file_beside_the_target()
    {
        Assert.That(Cli.Run(["edit", guest, .. AllEdits]).ExitCode, Is.Zero);

        Assert.That(temp.Entries(), Is.EqualTo(new[] { "guest.xml" }));
    }

    [Test]
    public void A_failed_edit_leaves_the_file_as_it_was()
    {
        var original = File.ReadAllBytes(guest);

        // The host-passthrough change comes first and succeeds in memory; the relative LUN path then fails the edit.
        var result = Cli.Run("edit", guest, "--host-passthrough", "--lun", "relative/sdb");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain("relative/sdb"));
        Assert.That(File.ReadAllBytes(guest), Is.EqualTo(original));
        Assert.That(temp.Entries(), Is.EqualTo(new[] { "guest.xml" }));
    }

    [Test]
    public void A_missing_file_is_not_found_with_its_name()
    {
        var missing = temp.File("missing.xml");

        var result = Cli.Run("edit", missing, "--host-passthrough");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.NotFound), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain(missing));
        Assert.That(File.Exists(missing), Is.False);
    }

    [Test]
    public void A_file_that_is_not_a_domain_fails_with_the_parser_position_and_stays_as_it_was()
    {
        File.WriteAllText(guest, "<network><name>n</name>\n");
        var original = File.ReadAllBytes(guest);

        var result = Cli.Run("edit", guest, "--host-passthrough");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failed), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(File.ReadAllBytes(guest), Is.EqualTo(original));
    }

    [Test]
    public void On_a_file_the_device_check_is_skipped_by_default_and_the_note_says_why()
    {
        var result = Cli.Run("edit", guest, "--lun", "/dev/sdb");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Error, Does.Contain("/dev/sdb not checked for safety").And.Contain("is a file"));
        Assert.That(Cli.Run("-q", "edit", guest, "--lun", "/dev/sdc").Error, Is.Empty, "-q silences the note");
    }

    [Test]
    public void Device_check_require_on_a_file_checks_this_machine_and_refuses_a_non_block_device()
    {
        var original = File.ReadAllBytes(guest);

        var result = Cli.Run("edit", guest, "--lun", "/dev/null", "--device-check", "require");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.DeviceUnsafe), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain("/dev/null").And.Contain("not a block device"));
        Assert.That(File.ReadAllBytes(guest), Is.EqualTo(original));
    }

    [Test]
    public void Edit_with_nothing_to_do_is_a_usage_error()
    {
        var result = Cli.Run("edit", guest);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain("--host-passthrough"));
    }

    [Test]
    public void Two_networks_and_two_luns_combine_and_rerun_idempotently()
    {
        string[] edits = ["--lun", "/dev/sdb", "--lun", "/dev/sdc", "--network", "a", "--network", "b"];
        Assert.That(Cli.Run(["edit", guest, .. edits]).ExitCode, Is.Zero);
        var text = File.ReadAllText(guest);

        Assert.That(Cli.Run(["edit", guest, .. edits]).ExitCode, Is.Zero);

        Assert.That(File.ReadAllText(guest), Is.EqualTo(text));
        Assert.That(text, Does.Contain("<source dev='/dev/sdb'/>").And.Contain("<source dev='/dev/sdc'/>"));
        Assert.That(text, Does.Contain("<target dev='sda' bus='scsi'/>").And.Contain("<target dev='sdb' bus='scsi'/>"));
        Assert.That(text, Does.Contain("<source network='a'/>").And.Contain("<source network='b'/>"));
    }

    /// <summary>The lines of <paramref name="haystack"/> left over when <paramref name="needle"/> is matched into it greedily, in order.</summary>
    private static List<string> Unmatched(List<string> needle, string[] haystack)
    {
        var left = new List<string>();
        var i = 0;
        foreach (var line in haystack)
        {
            if (i < needle.Count && line == needle[i])
            {
                i++;
            }
            else
            {
                left.Add(line);
            }
        }

        return left;
    }

    private static bool IsSubsequence(List<string> needle, string[] haystack)
    {
        var i = 0;
        foreach (var line in haystack)
        {
            if (i < needle.Count && line == needle[i])
            {
                i++;
            }
        }

        return i == needle.Count;
    }
}
