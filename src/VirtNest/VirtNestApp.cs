using System.CommandLine;
using System.CommandLine.Invocation;
using LibvirtNested.Cli.Commands;

namespace LibvirtNested.Cli;

/// <summary>
/// The virt-nest command line: builds the command tree, runs one invocation with the given writers (the process's
/// stdout and stderr, or a test's), and turns every failure into an exit code and one paragraph on stderr.
/// </summary>
internal static class VirtNestApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var cli = new VirtNestCli();
        var parseResult = cli.Root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
        {
            return UsageError(parseResult, error);
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Errors are reported by ErrorReport (one paragraph, no stack trace): System.CommandLine's handler prints the trace.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return ErrorReport.Write(e, error, parseResult.GetValue(cli.Global.Debug));
        }
    }

    private static int UsageError(ParseResult parseResult, TextWriter error)
    {
        var command = string.Join(' ', parseResult.CommandResult.Command.Parents.OfType<Command>().Reverse().Skip(1)
            .Append(parseResult.CommandResult.Command).Where(c => c is not RootCommand).Select(c => c.Name));
        var help = command.Length == 0 ? "virt-nest --help" : $"virt-nest {command} --help";
        var messages = string.Join(" ", parseResult.Errors.Select(e => e.Message.TrimEnd('.') + "."));
        error.WriteLine($"virt-nest: usage error: {messages} See '{help}'.");
        return ExitCodes.Usage;
    }
}
