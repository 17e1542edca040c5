using System.Text.Json;
using System.Text.RegularExpressions;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary>
/// README.md's "From the shell: virt-nest" session, run line by line by bash exactly as written (with the built
/// virt-nest first on PATH), each command's exit code and output checked.
/// </summary>
[TestFixture]
public sealed partial class ReadmeSessionTests
{
    private static readonly Lazy<string[]> SessionLines = new(ReadSession);

    private static string[] ReadSession()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("## From the shell: virt-nest", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README has the section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..end];
        var block = ShellBlock().Match(section);
        Assert.That(block.Success, "the section has a ```sh block");
        return block.Groups["code"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Environment => string.Join("\n", SessionLines.Value.Where(l => l.StartsWith("export ", StringComparison.Ordinal)));

    public static IEnumerable<TestCaseData> Commands() =>
        SessionLines.Value.Where(l => l.StartsWith("virt-nest ", StringComparison.Ordinal))
            .Select(l => new TestCaseData(l).SetArgDisplayNames(l.Split('#')[0].Trim()));

    private static ChildProcess.Result RunInBash(string line)
    {
        var path = Path.GetDirectoryName(Cli.Executable) + ":" + System.Environment.GetEnvironmentVariable("PATH");
        return Cli.RunProcess("bash", ["-c", Environment + "\n" + line], new Dictionary<string, string> { ["PATH"] = path });
    }

    [Test]
    public void The_session_covers_every_step_of_the_walkthrough_on_the_test_driver()
    {
        var commands = Commands().Select(c => (string)c.Arguments[0]!).ToList();

        Assert.That(Environment, Is.EqualTo("export LIBVIRT_DEFAULT_URI=test:///default"));
        foreach (var step in new[] { "virt-nest check", "virt-nest network create", "virt-nest edit", "virt-nest create", "virt-nest addr", "virt-nest vmexit compare" })
        {
            Assert.That(commands, Has.Some.StartWith(step), step);
        }

        Assert.That(commands, Has.Some.Contains(" --print-xml"));
        Assert.That(commands, Has.Some.Matches<string>(c => c!.StartsWith("virt-nest create", StringComparison.Ordinal) && !c.Contains("--print-xml", StringComparison.Ordinal)));
    }

    [TestCaseSource(nameof(Commands))]
    public void Each_command_of_the_session_runs_as_written(string line)
    {
        var result = RunInBash(line);
        var command = line.Split('#')[0].Trim();

        if (command == "virt-nest check")
        {
            using var json = JsonDocument.Parse(Cli.Run("check", "--json").Output);
            var expected = json.RootElement.GetProperty("verdict").GetString() switch { "ready" => 0, "not-ready" => 3, _ => 4 };
            Assert.That(result.ExitCode, Is.EqualTo(expected), result.ToString);
            Assert.That(result.Output, Does.StartWith("Nested virtualization readiness: "));
            return;
        }

        if (command.StartsWith("virt-nest check --fix --dry-run", StringComparison.Ordinal))
        {
            // On L0 the plan and its diff; on a guest (CI, this machine) the one-paragraph reason to fix it at L0 instead.
            var guest = Cli.Run("check", "--json").Output.Contains("\"role\": \"guest\"", StringComparison.Ordinal);
            Assert.That(result.ExitCode, Is.EqualTo(guest ? ExitCodes.Failed : ExitCodes.Success), result.ToString);
            Assert.That(guest ? result.Error : result.Output, Does.Contain(guest ? "L0" : "modprobe.d"), result.ToString);
            return;
        }

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Error, Does.Not.Contain("virt-nest: error"), result.ToString);
        var expectedOutput = command switch
        {
            _ when command.StartsWith("virt-nest network create", StringComparison.Ordinal) => "Network 'nested-bridge' started.",
            _ when command.StartsWith("virt-nest edit", StringComparison.Ordinal) && command.Contains("--print-diff", StringComparison.Ordinal) =>
                "+  <cpu mode='host-passthrough'/>",
            _ when command.StartsWith("virt-nest edit", StringComparison.Ordinal) => "Domain 'test' defined with the edit.",
            _ when command.StartsWith("virt-nest create", StringComparison.Ordinal) && command.Contains("--print-xml", StringComparison.Ordinal) =>
                "<name>nested-L2</name>",
            _ when command.StartsWith("virt-nest create", StringComparison.Ordinal) => "Domain 'nested-L2' started.",
            _ when command.StartsWith("virt-nest addr", StringComparison.Ordinal) => "/24",
            _ when command.StartsWith("virt-nest vmexit compare", StringComparison.Ordinal) => "(total)",
            _ => throw new AssertionException($"the test does not know what '{command}' prints: add it here"),
        };
        Assert.That(result.Output, Does.Contain(expectedOutput), result.ToString);
    }

    [GeneratedRegex("```sh\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
