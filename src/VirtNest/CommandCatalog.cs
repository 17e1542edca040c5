using System.CommandLine;

namespace LibvirtNested.Cli;

/// <summary>The examples of every command, kept beside the command tree so that help and the reference page show the same ones.</summary>
internal sealed class CommandCatalog
{
    private readonly Dictionary<Command, IReadOnlyList<Example>> examples = [];

    public T Add<T>(T command, params Example[] commandExamples)
        where T : Command
    {
        examples[command] = commandExamples;
        return command;
    }

    public IReadOnlyList<Example> ExamplesOf(Command command) => examples.TryGetValue(command, out var found) ? found : [];
}
