using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace LibvirtNested.Cli;

/// <summary>
/// <c>--version</c>: the tool's own informational version (the repository's version and commit). System.CommandLine's
/// default reads the entry assembly, which is a test host when virt-nest runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static void Install(RootCommand root) => root.Options.OfType<VersionOption>().Single().Action = new VersionAction();

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Success;
    }
}
