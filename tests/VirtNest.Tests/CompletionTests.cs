using LibvirtNested.Cli.Commands;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary>The [suggest] directive the bash script relies on, the script itself, and the script run by a real bash.</summary>
[TestFixture]
public sealed class CompletionTests
{
    private static string[] Suggest(string line) => Cli.Run($"[suggest:{line.Length}]", line).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public void Commands_complete()
    {
        Assert.That(Suggest("ed"), Is.EqualTo(new[] { "edit" }));
        Assert.That(Suggest(""), Is.SupersetOf(new[] { "check", "edit", "network", "create", "addr", "vmexit", "completion" }));
        Assert.That(Suggest(""), Has.None.EqualTo("reference"), "hidden");
    }

    [Test]
    public void Options_and_their_values_complete()
    {
        Assert.That(Suggest("edit test --host"), Is.EqualTo(new[] { "--host-passthrough" }));
        Assert.That(Suggest("edit test --device-check "), Is.EqualTo(new[] { "auto", "require", "skip" }));
        // Fixed values come unfiltered from the directive; the bash script keeps those that start with the word.
        Assert.That(Suggest("addr test --source "), Is.EqualTo(new[] { "agent", "arp", "lease" }));
    }

    [Test]
    public void Domain_and_network_names_complete_from_the_connection_on_the_line()
    {
        using var hold = LibvirtConnection.Open(Cli.TestUri);

        Assert.That(Suggest("-c test:///default edit te"), Does.Contain("test"));
        Assert.That(Suggest("-c test:///default addr "), Does.Contain("test"));
        Assert.That(Suggest("-c test:///default edit test --network def"), Does.Contain("default"));
    }

    [Test]
    public void A_connection_that_fails_completes_nothing_and_does_not_fail()
    {
        var result = Cli.Run("[suggest:25]", "-c nosuch:///x edit test ");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.All.StartWith("-").Or.StartWith("/"), "options only, no names");
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public void Completion_bash_prints_the_script()
    {
        var result = Cli.Run("completion", "bash");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Is.EqualTo(CompletionCommand.BashScript + "\n"));
        Assert.That(result.Output, Does.Contain("complete -o default -F _virt_nest_complete virt-nest"));
    }

    [Test]
    public void Completion_for_another_shell_is_a_usage_error()
    {
        var result = Cli.Run("completion", "tcsh");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
    }

    [Test]
    public void Bash_completes_with_the_script_and_the_real_binary()
    {
        using var temp = new TempDirectory();
        var script = temp.File("virt-nest.bash");
        File.WriteAllText(script, Cli.Run("completion", "bash").Output);
        // What bash does on TAB: COMP_LINE/COMP_POINT set, the function called, COMPREPLY read.
        const string Probe = """
            source "$1"
            complete_at() { COMP_LINE="$1"; COMP_POINT=${#1}; _virt_nest_complete; printf '%s\n' "${COMPREPLY[@]}"; echo ---; }
            complete_at "virt-nest ch"
            complete_at "virt-nest edit guest.xml --virt"
            complete_at "virt-nest -c test:///default edit te"
            complete_at "virt-nest -q addr test --source a"
            """;
        var path = Path.GetDirectoryName(Cli.Executable) + ":" + Environment.GetEnvironmentVariable("PATH");

        var result = Cli.RunProcess("bash", ["-c", Probe, "probe", script], new Dictionary<string, string> { ["PATH"] = path });

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var blocks = result.Output.Split("---\n");
        Assert.That(blocks[0].Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "check" }), result.ToString);
        Assert.That(blocks[1].Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "--virtio-scsi" }), result.ToString);
        Assert.That(blocks[2].Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "test" }), result.ToString);
        Assert.That(blocks[3].Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "agent", "arp" }), result.ToString);
    }
}
