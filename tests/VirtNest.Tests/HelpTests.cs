using System.CommandLine;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary>--help of every command, with its examples; the exit-code table on the root's; usage errors.</summary>
[TestFixture]
public sealed class HelpTests
{
    private static readonly VirtNestCli Definition = new();

    public static IEnumerable<TestCaseData> Commands() =>
        Walk(Definition.Root, []).Select(path => new TestCaseData((object)path).SetArgDisplayNames(path.Length == 0 ? "virt-nest" : "virt-nest " + string.Join(' ', path)));

    private static IEnumerable<string[]> Walk(Command command, string[] path)
    {
        yield return path;
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var inner in Walk(sub, [.. path, sub.Name]))
            {
                yield return inner;
            }
        }
    }

    private static Command Find(string[] path) =>
        path.Aggregate((Command)Definition.Root, (command, name) => command.Subcommands.Single(c => c.Name == name));

    [TestCaseSource(nameof(Commands))]
    public void Every_command_has_help_with_usage_description_and_examples(string[] path)
    {
        var command = Find(path);

        var result = Cli.Run([.. path, "--help"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Error, Is.Empty);
        Assert.That(result.Output, Does.Contain("Usage:").And.Contain("Description:"));
        Assert.That(result.Output, Does.Contain(command.Description![..Math.Min(40, command.Description!.Length)]));
        var examples = Definition.Catalog.ExamplesOf(command);
        Assert.That(examples, Is.Not.Empty, "every command has examples");
        Assert.That(result.Output, Does.Contain("Examples:"));
        foreach (var example in examples)
        {
            Assert.That(result.Output, Does.Contain(example.CommandLine));
        }

        foreach (var option in command.Options.Where(o => !o.Hidden))
        {
            Assert.That(result.Output, Does.Contain(option.Name), $"help lists {option.Name}");
        }
    }

    [Test]
    public void Root_help_lists_every_exit_code_of_the_one_table()
    {
        var result = Cli.Run("--help");

        Assert.That(result.Output, Does.Contain("Exit codes:"));
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            Assert.That(result.Output, Does.Contain($"{code,2}  {meaning}"));
        }

        Assert.That(ExitCodes.Table.Select(e => e.Code), Is.EqualTo(Enumerable.Range(0, ExitCodes.Table.Count)), "numbered 0..N, none missing");
    }

    [TestCase("edit", "test", "--host-passthrough", "--bogus")]
    [TestCase("frobnicate")]
    [TestCase("addr")]
    [TestCase("edit", "test", "--device-check", "sometimes")]
    public void A_wrong_command_line_is_one_usage_error_line_and_exit_2(params string[] args)
    {
        var result = Cli.Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Does.StartWith("virt-nest: usage error: ").And.Contain("--help"));
        Assert.That(result.Error.TrimEnd('\n'), Does.Not.Contain("\n"), "one paragraph");
    }

    [Test]
    public void Version_prints_the_repository_version()
    {
        var result = Cli.Run("--version");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.StartWith(Versions.Repository));
    }
}
