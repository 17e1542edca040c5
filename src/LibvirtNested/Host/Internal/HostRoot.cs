namespace LibvirtNested.Host.Internal;

/// <summary>Maps absolute paths of the probed system onto a root directory, so that tests can point every check at a
/// fixture tree, and reads small files without ever throwing.</summary>
internal sealed class HostRoot
{
    public HostRoot(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The root directory, full path (<c>/</c> for the running system).</summary>
    public string Root { get; }

    /// <summary>Whether this is the running system's own root.</summary>
    public bool IsSystemRoot => Root == "/";

    /// <summary>The real path of <paramref name="absolutePath"/> under the root.</summary>
    public string Map(string absolutePath) =>
        IsSystemRoot ? absolutePath : Path.Join(Root, absolutePath.TrimStart('/'));

    /// <summary>The path on the probed system of a real path under the root (the inverse of <see cref="Map"/>).</summary>
    public string Unmap(string realPath)
    {
        if (IsSystemRoot)
        {
            return realPath;
        }

        var relative = Path.GetRelativePath(Root, realPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? realPath : "/" + relative;
    }

    /// <summary>Reads a whole small regular file without ever blocking (see <see cref="RegularFile"/>); a missing,
    /// unreadable or non-regular file (a FIFO, a device, a directory) is a result, not an exception.</summary>
    public FileReadResult Read(string absolutePath)
    {
        var bytes = RegularFile.TryReadBytes(Map(absolutePath), out var problem);
        return bytes is null
            ? new FileReadResult(absolutePath, null, problem)
            : new FileReadResult(absolutePath, RegularFile.Decode(bytes, out _), null);
    }

    /// <summary>Lists entry names in a directory, sorted ordinally; null with a reason when it cannot be listed.</summary>
    public IReadOnlyList<string>? List(string absolutePath, out string? problem, string pattern = "*")
    {
        var real = Map(absolutePath);
        try
        {
            if (!Directory.Exists(real))
            {
                problem = "missing";
                return null;
            }

            var names = Directory.EnumerateFileSystemEntries(real, pattern)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList();
            problem = null;
            return names;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = "unreadable: " + exception.Message;
            return null;
        }
    }
}
