using System.CommandLine;
using System.CommandLine.Completions;

namespace LibvirtNested.Cli;

/// <summary>
/// Completion of domain and network names from the connection on the command line being completed (its -c, else
/// libvirt's default). Completion must never fail a shell: any error gives no candidates.
/// </summary>
internal static class NameCompletions
{
    public static void AddDomains(Argument<string> argument, GlobalOptions global) =>
        argument.CompletionSources.Add(context => Complete(context, global, connection => connection.ListDomains().Select(NameOf)));

    public static void AddNetworks(Option<string[]> option, GlobalOptions global) =>
        option.CompletionSources.Add(context => Complete(context, global, connection => connection.ListNetworks().Select(NameOf)));

    private static string NameOf(LibvirtObject item)
    {
        using (item)
        {
            return item.Name;
        }
    }

    private static List<CompletionItem> Complete(CompletionContext context, GlobalOptions global, Func<LibvirtConnection, IEnumerable<string>> names)
    {
        try
        {
            using var connection = LibvirtConnection.Open(context.ParseResult.GetValue(global.Connect) ?? string.Empty);
            return names(connection)
                .Where(name => name.StartsWith(context.WordToComplete, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(name => new CompletionItem(name))
                .ToList();
        }
        catch (Exception e) when (e is LibvirtException or InvalidOperationException or IOException)
        {
            return [];
        }
    }
}
