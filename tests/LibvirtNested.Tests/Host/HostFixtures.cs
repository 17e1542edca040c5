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
