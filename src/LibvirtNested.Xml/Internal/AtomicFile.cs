namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Writes a file through a temporary file in the same folder and a rename, so readers never see half a file.
/// A symbolic link is followed to its final target, which is what gets replaced (the link stays a link); an
/// existing target that is not a regular file is refused, and the new file gets the old one's permissions.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var full = FinalTarget(Path.GetFullPath(path));
        var existing = CheckRegular(full);
        var folder = Path.GetDirectoryName(full) ?? throw new IOException($"'{path}' has no folder.");
        var temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (existing && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>The path with every symbolic link in its last component followed; a dangling link gives its target.</summary>
    private static string FinalTarget(string full)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is null)
        {
            return full;
        }

        return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
    }

    /// <summary>
    /// Whether <paramref name="full"/> exists; throws if it exists and is not a regular file. The BCL does not
    /// report a file's type, so: a directory is seen directly; device nodes are recognised by living under
    /// <c>/dev</c>; a FIFO, socket or terminal elsewhere by opening it read-write (which never blocks on Linux, unlike
    /// a read-only or write-only open of a FIFO) and finding it cannot seek, as a regular file always can.
    /// </summary>
    private static bool CheckRegular(string full)
    {
        if (Directory.Exists(full))
        {
            throw new NotARegularFileException($"'{full}' is a directory; the document was not saved.", full);
        }

        if (!File.Exists(full))
        {
            return false;
        }

        if (full.StartsWith("/dev/", StringComparison.Ordinal))
        {
            throw new NotARegularFileException($"'{full}' is under /dev, where device nodes live; the document was not saved.", full);
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        if (!stream.CanSeek)
        {
            throw new NotARegularFileException($"'{full}' is not a regular file (a FIFO, socket or device); the document was not saved.", full);
        }

        return true;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original exception matters more; a stray temporary file is only clutter.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
