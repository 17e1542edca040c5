using System.Text;
using System.Text.Unicode;
using LibvirtNested.Interop;

namespace LibvirtNested.Host.Internal;

/// <summary>Reads a probed file only when it is a regular file, without ever blocking: the file is opened with
/// <c>O_NONBLOCK</c> (a FIFO's open does not wait for a writer) and its kind is checked on the open descriptor (fstat), so
/// nothing can swap it between the check and the read. Sizes are bounded: every file a host check reads is small.</summary>
internal static class RegularFile
{
    /// <summary>The most any host check reads from one file (a mountinfo with 100,000 mounts is about 15 MB).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    private const int NoSuchFile = 2;

    /// <summary>The file's bytes, or null with a reason: <c>missing</c>, <c>is a directory</c>,
    /// <c>not a regular file: a FIFO (named pipe)</c>, <c>unreadable: …</c>.</summary>
    public static byte[]? TryReadBytes(string realPath, out string? problem)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        int errno;
        try
        {
            handle = Libc.OpenNonBlocking(realPath, readWrite: false, out errno);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            problem = "unreadable: the C library cannot be called: " + exception.Message;
            return null;
        }

        using (handle)
        {
            if (handle.IsInvalid)
            {
                problem = errno == NoSuchFile ? "missing" : "unreadable: " + Libc.Describe(errno);
                return null;
            }

            var status = UnixFileStatus.TryGet(handle, out var statusProblem);
            if (status is null)
            {
                problem = "unreadable: " + statusProblem;
                return null;
            }

            if (status.Kind != UnixFileKind.Regular)
            {
                problem = status.Kind == UnixFileKind.Directory ? "is a directory" : "not a regular file: " + status.KindText;
                return null;
            }

            try
            {
                using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
                using var bytes = new MemoryStream();
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    if (bytes.Length + read > MaxBytes)
                    {
                        problem = $"unreadable: larger than {MaxBytes} bytes";
                        return null;
                    }

                    bytes.Write(buffer, 0, read);
                }

                problem = null;
                return bytes.ToArray();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                problem = "unreadable: " + exception.Message;
                return null;
            }
        }
    }

    /// <summary>Decodes as UTF-8 (a byte order mark is dropped); bytes that are not valid UTF-8 are read as Latin-1, one
    /// character per byte, so nothing turns into U+FFFD and every byte can be written back unchanged.</summary>
    public static string Decode(byte[] bytes, out FileTextEncoding encoding)
    {
        var span = bytes.AsSpan();
        var bom = span.StartsWith(Utf8Bom);
        if (bom)
        {
            span = span[Utf8Bom.Length..];
        }

        if (Utf8.IsValid(span))
        {
            encoding = bom ? FileTextEncoding.Utf8WithByteOrderMark : FileTextEncoding.Utf8;
            return Encoding.UTF8.GetString(span);
        }

        encoding = FileTextEncoding.Latin1;
        return Encoding.Latin1.GetString(bytes);
    }

    /// <summary>The inverse of <see cref="Decode"/>.</summary>
    public static byte[] Encode(string text, FileTextEncoding encoding) => encoding switch
    {
        FileTextEncoding.Latin1 => Encoding.Latin1.GetBytes(text),
        FileTextEncoding.Utf8WithByteOrderMark => [.. Utf8Bom, .. Encoding.UTF8.GetBytes(text)],
        _ => Encoding.UTF8.GetBytes(text),
    };

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
}
