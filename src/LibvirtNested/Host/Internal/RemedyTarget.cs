using LibvirtNested.Xml;

namespace LibvirtNested.Host.Internal;

/// <summary>The file a remedy is really written to: the remedy path itself, or the final target of the symbolic links at it,
/// resolved inside the root (an absolute link target means a path on the probed system, as under chroot). Refuses anything
/// that is not a regular file, so a write never replaces a link, a FIFO or a device node.</summary>
internal sealed record RemedyTarget(string Path, string RealPath, bool Exists)
{
    private const int MaxLinks = 40;

    /// <exception cref="NotARegularFileException">The final target exists and is not a regular file.</exception>
    /// <exception cref="IOException">Too many levels of symbolic links, or the file cannot be examined.</exception>
    public static RemedyTarget Resolve(HostRoot root, string absolutePath)
    {
        var path = absolutePath;
        for (var hops = 0; hops <= MaxLinks; hops++)
        {
            var real = root.Map(path);
            var status = UnixFileStatus.TryGetLink(real, out var problem);
            if (status is null)
            {
                return problem == "missing"
                    ? new RemedyTarget(path, real, false)
                    : throw new IOException($"'{path}' cannot be examined: {problem}.");
            }

            switch (status.Kind)
            {
                case UnixFileKind.Regular:
                    return new RemedyTarget(path, real, true);
                case UnixFileKind.SymbolicLink:
                    var target = new FileInfo(real).LinkTarget ?? throw new IOException($"'{path}' is a symbolic link that cannot be read.");
                    path = target.StartsWith('/')
                        ? target
                        : System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? "/", target));
                    break;
                default:
                    throw Refuse(absolutePath, path, status.KindText);
            }
        }

        throw new IOException($"'{absolutePath}': too many levels of symbolic links.");
    }

    public static NotARegularFileException Refuse(string given, string path, string kind)
    {
        var shown = given == path ? $"'{path}'" : $"'{given}' (→ '{path}')";
        return new NotARegularFileException(
            $"{shown} is {kind}, not a regular file: the modprobe.d remedy is neither read from it nor written over it. Remove it or write the settings by hand.",
            path,
            kind);
    }
}
