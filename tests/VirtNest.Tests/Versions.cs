using System.Xml.Linq;
using LibvirtNested.Testing;

namespace LibvirtNested.Cli.Tests;

internal static class Versions
{
    /// <summary>The version in Directory.Build.props, which the tool and the libraries share.</summary>
    public static string Repository { get; } =
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("Version").Single().Value;
}
