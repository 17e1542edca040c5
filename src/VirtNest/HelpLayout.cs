using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace LibvirtNested.Cli;

/// <summary>
/// System.CommandLine's help, followed by an Examples section for every command and, on the root's, the exit codes.
/// (System.CommandLine 3 keeps its HelpBuilder internal, so this wraps the standard help action.)
/// </summary>
internal sealed class HelpLayout(HelpAction standard, CommandCatalog catalog) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public static void Install(RootCommand root, CommandCatalog catalog)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        var standard = (HelpAction)option.Action!;
        standard.MaxWidth = 120;
        option.Action = new HelpLayout(standard, catalog);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var result = standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        WriteExamples(output, catalog.ExamplesOf(parseResult.CommandResult.Command));
        if (parseResult.CommandResult.Command is RootCommand)
        {
            WriteExitCodes(output);
        }

        return result;
    }

    private static void WriteExamples(TextWriter output, IReadOnlyList<Example> examples)
    {
        if (examples.Count == 0)
        {
            return;
        }

        output.WriteLine("Examples:");
        foreach (var example in examples)
        {
            output.WriteLine($"  {example.CommandLine}");
            output.WriteLine($"      {example.Explanation}");
        }

        output.WriteLine();
    }

    private static void WriteExitCodes(TextWriter output)
    {
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            output.WriteLine($"  {code,2}  {meaning}");
        }

        output.WriteLine();
    }
}
