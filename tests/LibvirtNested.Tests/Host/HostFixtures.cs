using LibvirtNested.Testing;

namespace LibvirtNested.Tests.Host;

/// <summary>Finds the fixture trees of the Host tests in the source tree and makes throw-away copies of them.</summary>
internal static class HostFixtures
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "LibvirtNested.Tests", "Host", "Fixtures");

    public static string Readiness(string name) => Existing(Path.Combine(Directory, "Readiness", name));

    public static string BlockDevices(string name) => Existing(Path.Combine(Directory, "BlockDevices", name));

    public static string PerfText(string name) => File.ReadAllText(Existing(Path.Combine(Directory, "Perf", name)));

    /// <summary>Copies a fixture tree into a new temporary directory; dispose to delete it.</summary>
    public static TemporaryTree Copy(string source) => TemporaryTree.From(source);

    private static string Existing(string path) =>
        System.IO.Directory.Exists(path) || File.Exists(path) ? path : throw new DirectoryNotFoundException(path);
}

/// <summary>A temporary directory deleted on dispose.</summary>
internal sealed class TemporaryTree : IDisposable
{
    private TemporaryTree(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static TemporaryTree Empty() => new(Directory.CreateTempSubdirectory("libvirtnested-host-").FullName);

    public static TemporaryTree From(string source)
    {
        var tree = Empty();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(tree.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return tree;
    }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative.TrimStart('/'));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
