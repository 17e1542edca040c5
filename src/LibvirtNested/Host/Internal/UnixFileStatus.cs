using System.Globalization;
using System.Runtime.InteropServices;

namespace LibvirtNested.Host.Internal;

/// <summary>What <c>statx(2)</c> says about a path: kind, permissions, owner and device numbers. .NET exposes none of the
/// kind or device bits, and the block-device check and <c>/dev/kvm</c> evidence need them. This calls the C library only,
/// never libvirt.</summary>
internal sealed partial record UnixFileStatus(UnixFileKind Kind, uint Mode, uint Uid, uint Gid, uint DeviceMajor, uint DeviceMinor)
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int BufferSize = 256;

    /// <summary>The device numbers as sysfs writes them (<c>major:minor</c>).</summary>
    public string DeviceNumber => DeviceMajor.ToString(CultureInfo.InvariantCulture) + ":" + DeviceMinor.ToString(CultureInfo.InvariantCulture);

    /// <summary>Like the first column of <c>ls -l</c>, e.g. <c>crw-rw----</c>.</summary>
    public string ModeString
    {
        get
        {
            var kind = Kind switch
            {
                UnixFileKind.Regular => '-',
                UnixFileKind.Directory => 'd',
                UnixFileKind.CharacterDevice => 'c',
                UnixFileKind.BlockDevice => 'b',
                UnixFileKind.SymbolicLink => 'l',
                UnixFileKind.Fifo => 'p',
                UnixFileKind.Socket => 's',
                _ => '?',
            };
            Span<char> text = stackalloc char[10];
            text[0] = kind;
            const string letters = "rwxrwxrwx";
            for (var i = 0; i < 9; i++)
            {
                text[i + 1] = (Mode & (1u << (8 - i))) != 0 ? letters[i] : '-';
            }

            return new string(text);
        }
    }

    /// <summary>Stats a path, following symbolic links. Null with a reason when the path does not exist or cannot be
    /// examined (including on a platform without <c>statx</c>).</summary>
    public static UnixFileStatus? TryGet(string path, out string? problem)
    {
        try
        {
            return Get(path, out problem);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            problem = "statx is not available: " + exception.Message;
            return null;
        }
    }

    private static unsafe UnixFileStatus? Get(string path, out string? problem)
    {
        var buffer = stackalloc byte[BufferSize];
        if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            problem = errno == 2 ? "missing" : Marshal.GetPInvokeErrorMessage(errno);
            return null;
        }

        // Offsets of struct statx (include/uapi/linux/stat.h), the same on every architecture.
        var uid = *(uint*)(buffer + 20);
        var gid = *(uint*)(buffer + 24);
        var mode = *(ushort*)(buffer + 28);
        var rdevMajor = *(uint*)(buffer + 128);
        var rdevMinor = *(uint*)(buffer + 132);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => UnixFileKind.Regular,
            0x4000 => UnixFileKind.Directory,
            0x2000 => UnixFileKind.CharacterDevice,
            0x6000 => UnixFileKind.BlockDevice,
            0xA000 => UnixFileKind.SymbolicLink,
            0x1000 => UnixFileKind.Fifo,
            0xC000 => UnixFileKind.Socket,
            _ => UnixFileKind.Other,
        };
        problem = null;
        return new UnixFileStatus(kind, mode & 0xFFFu, uid, gid, rdevMajor, rdevMinor);
    }

    [LibraryImport("libc.so.6", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);
}
