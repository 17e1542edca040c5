using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary>virt-nest as a real child process: stdout and stderr apart, exit codes, libvirt's default URI.</summary>
[TestFixture]
public sealed class ProcessTests
{
    [Test]
    public void Version_from_the_built_binary()
    {
        var result = Cli.RunProcess(Cli.Executable, ["--version"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.StartWith(Versions.Repository + "+"));
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public void Edit_of_a_file_prints_the_diff_on_stdout_and_the_note_on_stderr()
    {
        using var temp = new TempDirectory();
        var guest = temp.File("guest.xml");
        File.Copy(Fixtures.L1Xml, guest);

        var result = Cli.RunProcess(Cli.Executable, ["edit", guest, "--host-passthrough", "--lun", "/dev/sdb", "--print-diff"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.StartWith($"--- {guest}"));
        Assert.That(result.Error, Does.StartWith("note: /dev/sdb not checked"));
        Assert.That(File.ReadAllText(guest), Is.EqualTo(File.ReadAllText(Fixtures.L1Xml)));
    }

    [Test]
    public void An_error_is_one_paragraph_on_stderr_nothing_on_stdout_and_the_exit_code()
    {
        var result = Cli.RunProcess(Cli.Executable, ["-c", Cli.TestUri, "edit", "no-such-guest", "--host-passthrough"]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.NotFound), result.ToString);
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
        Cli.AssertOneErrorParagraph(result);
    }

    [Test]
    public void Without_connect_libvirts_default_uri_logic_applies()
    {
        // LIBVIRT_DEFAULT_URI is the first thing libvirt's own default looks at, as for virsh.
        var environment = new Dictionary<string, string> { ["LIBVIRT_DEFAULT_URI"] = Cli.TestUri };

        var result = Cli.RunProcess(Cli.Executable, ["edit", "test", "--host-passthrough", "--print-diff"], environment);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Contain("+  <cpu mode='host-passthrough'/>"));
    }

    [Test]
    public void The_walkthrough_network_create_prints_status_and_quiet_prints_nothing()
    {
        string[] args = ["-c", Cli.TestUri, "network", "create", "nested-bridge", "--bridge", "virbr1", "--subnet", "192.168.166.0/24",
            "--dhcp-range", "192.168.166.128-192.168.166.254"];

        var loud = Cli.RunProcess(Cli.Executable, args);
        var quiet = Cli.RunProcess(Cli.Executable, ["-q", .. args]);

        Assert.That(loud.ExitCode, Is.Zero, loud.ToString);
        Assert.That(loud.Output, Does.Contain("Network 'nested-bridge' defined on test:///default."));
        Assert.That(quiet.ExitCode, Is.Zero, quiet.ToString);
        Assert.That(quiet.Output + quiet.Error, Is.Empty);
        Assert.That(RepositoryPaths.Root, Is.Not.Empty);
    }
}
