using System.CommandLine;

namespace LibvirtNested.Cli.Commands;

/// <summary>The hidden <c>virt-nest reference</c>: prints docs/virt-nest.md (see <see cref="ReferenceDocument"/>).</summary>
internal static class ReferenceCommand
{
    public static Command Create(VirtNestCli cli)
    {
        var command = new Command("reference", "Print the Markdown reference (docs/virt-nest.md)") { Hidden = true };
        command.SetAction(parseResult => parseResult.InvocationConfiguration.Output.Write(ReferenceDocument.Write(cli)));
        return command;
    }
}
