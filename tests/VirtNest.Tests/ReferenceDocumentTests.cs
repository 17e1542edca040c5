using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary>docs/virt-nest.md is what the command definitions generate: regenerated here, compared byte for byte.</summary>
[TestFixture]
public sealed class ReferenceDocumentTests
{
    private static string Committed => Path.Combine(RepositoryPaths.Root, "docs", "virt-nest.md");

    [Test]
    public void The_committed_reference_is_what_the_definitions_generate()
    {
        var generated = ReferenceDocument.Write(new VirtNestCli());

        if (File.ReadAllText(Committed) != generated)
        {
            File.WriteAllText(Committed + ".received.md", generated);
            Assert.Fail($"docs/virt-nest.md is out of date: run `dotnet run --project src/VirtNest -- reference > docs/virt-nest.md` (the generated text is in {Committed}.received.md).");
        }
    }

    [Test]
    public void The_reference_command_prints_the_same_text()
    {
        var result = Cli.Run("reference");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Is.EqualTo(ReferenceDocument.Write(new VirtNestCli())));
    }

    [Test]
    public void The_reference_documents_every_command_option_example_and_exit_code()
    {
        var cli = new VirtNestCli();
        var text = ReferenceDocument.Write(cli);

        foreach (var command in HelpTests.Commands().Select(c => (string[])c.Arguments[0]!).Where(p => p.Length > 0))
        {
            Assert.That(text, Does.Contain("### virt-nest " + string.Join(' ', command)));
        }

        foreach (var (code, meaning) in ExitCodes.Table)
        {
            Assert.That(text, Does.Contain($"| {code} | {meaning} |"));
        }

        Assert.That(text, Does.Contain("`--device-check` `auto|require|skip`").And.Contain("(default: `auto`)"));
        Assert.That(text, Does.Contain("virt-nest addr nested-L2 --wait"));
    }
}
