using System.CommandLine;

namespace LibvirtNested.Cli.Commands;

/// <summary>
/// <c>virt-nest completion bash</c>: a bash completion script. It asks virt-nest itself for the candidates through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive, so completion always matches the installed version's
/// commands and options (and domain and network names on the connection given with -c).
/// </summary>
internal sealed class CompletionCommand
{
    /// <summary>
    /// The script. COMP_LINE without its first word (the command name) and COMP_POINT moved back by as much go to the
    /// directive; compgen is not used, because the directive already filters by the word under the cursor.
    /// </summary>
    public const string BashScript = """
        # bash completion for virt-nest; load it with
        #   source <(virt-nest completion bash)
        # or save it as /etc/bash_completion.d/virt-nest (or ~/.local/share/bash-completion/completions/virt-nest).
        _virt_nest_complete()
        {
            local line="${COMP_LINE:0:COMP_POINT}"
            local command="${line%%[[:space:]]*}"
            local rest="${line:${#command}}"
            rest="${rest#"${rest%%[![:space:]]*}"}"
            local IFS=$'\n'
            COMPREPLY=( $("$command" "[suggest:${#rest}]" "$rest" 2>/dev/null) )
        }
        complete -o default -o nospace -F _virt_nest_complete virt-nest
        """;

    private readonly Argument<string> shell = new("shell") { Description = "The shell: bash", HelpName = "SHELL" };

    public CompletionCommand(CommandCatalog catalog)
    {
        shell.AcceptOnlyFromAmong("bash");
        Command = catalog.Add(
            new Command("completion", "Print a shell completion script for virt-nest (bash)") { shell },
            new Example("source <(virt-nest completion bash)", "complete virt-nest's commands, options and values in this shell"),
            new Example("virt-nest completion bash > /etc/bash_completion.d/virt-nest", "for every new shell"));
        Command.SetAction(parseResult => parseResult.InvocationConfiguration.Output.WriteLine(BashScript));
    }

    public Command Command { get; }
}
