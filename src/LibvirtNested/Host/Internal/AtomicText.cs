using System.Text;

namespace LibvirtNested.Host.Internal;

/// <summary>Writes a text file through a temporary file in the same folder and a rename, so modprobe never reads half a
/// file; an existing file's permissions are kept.</summary>
internal static class AtomicText
{
    public static void Write(string path, string text)
    {
        var folder = Path.GetDirectoryName(path) ?? throw new IOException($"'{path}' has no folder.");
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
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
