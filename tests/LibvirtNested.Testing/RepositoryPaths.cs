namespace LibvirtNested.Testing;

/// <summary>Folders of the repository and of the shared material beside it, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root: the folder holding <c>LibvirtNested.sln</c>.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>Is this run on CI (<c>CI=true</c>)? There, missing prerequisites fail tests instead of skipping them.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LibvirtNested.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LibvirtNested.sln above {AppContext.BaseDirectory}.");
    }
}
