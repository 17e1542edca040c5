namespace LibvirtNested.Host.Internal;

/// <summary>Writes a file through a temporary file in the same folder and a rename, so modprobe never reads half a file; an
/// existing file's permissions are kept. The caller passes the final, regular file (links already followed): the rename
/// replaces exactly that file.</summary>
internal static class AtomicText
{
    public static void Write(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(path) ?? throw new IOException($"'{path}' has no folder.");
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                var mode = File.Exists(path)
                    ? File.GetUnixFileMode(path)
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
                File.SetUnixFileMode(temporary, mode);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // The original failure matters more than a stray temporary file.
            }

            throw;
        }
    }
}
