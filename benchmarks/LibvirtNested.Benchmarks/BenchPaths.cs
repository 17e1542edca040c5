namespace LibvirtNested.Benchmarks;

/// <summary>
/// Finds the repository and the libvirt corpus the way the tests do: <c>LIBVIRT_CORPUS</c>, or
/// <c>&lt;repo&gt;/../shared/corpus/libvirt</c>. BenchmarkDotNet runs each benchmark from a generated folder
/// under bin/, so the repository is found by walking up to <c>LibvirtNested.sln</c>.
/// </summary>
public static class BenchPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CorpusRoot
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("LIBVIRT_CORPUS");
            var path = string.IsNullOrEmpty(configured)
                ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "libvirt"))
                : Path.GetFullPath(configured);
            return File.Exists(Path.Combine(path, "manifest.tsv"))
                ? path
                : throw new InvalidOperationException($"No libvirt corpus at {path}: set LIBVIRT_CORPUS.");
        }
    }

    /// <summary>The domain XML both the C and the C# define/read/undefine cycles use.</summary>
    public static string CycleDomainXml => Path.Combine(RepositoryRoot, "benchmarks", "native", "domain.xml");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LibvirtNested.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No LibvirtNested.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}
