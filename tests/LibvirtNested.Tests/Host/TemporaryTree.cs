namespace LibvirtNested.Tests.Host;

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
