using System.Globalization;
using LibvirtNested.Interop;
using Microsoft.Win32.SafeHandles;

namespace LibvirtNested.Host.Internal;

/// <summary>What <c>statx(2)</c> says about a path or an open descriptor: kind, permissions, owner and device numbers.
/// .NET exposes none of the kind or device bits, and the block-device check, the <c>/dev/kvm</c> check and every read of a
/// probed file need them. This calls the C library only (<see cref="Libc"/>), never libvirt.</summary>
internal sealed record UnixFileStatus(UnixFileKind Kind, uint Mode, uint Uid, uint Gid, uint DeviceMajor, uint DeviceMinor)
{
    private const int NoSuchFile = 2;

    /// <summary>The device numbers as sysfs writes them (<c>major:minor</c>).</summary>
    public string DeviceNumber => DeviceMajor.ToString(CultureInfo.InvariantCulture) + ":" + DeviceMinor.ToString(CultureInfo.InvariantCulture);

    /// <summary>The kind as a noun phrase for messages, e.g. <c>a FIFO</c>, <c>a character device 1:3</c>.</summary>
    public string KindText => Kind switch
    {
        UnixFileKind.Regular => "a regular file",
        UnixFileKind.Directory => "a directory",
        UnixFileKind.CharacterDevice => "a character device " + DeviceNumber,
        UnixFileKind.BlockDevice => "a block device " + DeviceNumber,
        UnixFileKind.SymbolicLink => "a symbolic link",
        UnixFileKind.Fifo => "a FIFO (named pipe)",
        UnixFileKind.Socket => "a socket",
        _ => "a file of unknown kind",
    };

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

    /// <summary>Stats a path, following symbolic links. Null with a reason (<c>missing</c> for ENOENT) when the path does not
    /// exist or cannot be examined (including on a platform without <c>statx</c>).</summary>
    public static UnixFileStatus? TryGet(string path, out string? problem) => TryGet(path, followLinks: true, out problem);

    /// <summary>Stats a path without following a final symbolic link (lstat).</summary>
    public static UnixFileStatus? TryGetLink(string path, out string? problem) => TryGet(path, followLinks: false, out problem);

    /// <summary>Stats an open descriptor (fstat).</summary>
    public static UnixFileStatus? TryGet(SafeFileHandle handle, out string? problem)
    {
        try
        {
            var result = Libc.StatHandle(handle, out var errno);
            problem = result is null ? Libc.Describe(errno) : null;
            return result is { } status ? From(status) : null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            problem = "statx is not available: " + exception.Message;
            return null;
        }
    }

    private static UnixFileStatus? TryGet(string path, bool followLinks, out string? problem)
    {
        try
        {
            var result = Libc.StatPath(path, followLinks, out var errno);
            problem = result is not null ? null : errno == NoSuchFile ? "missing" : Libc.Describe(errno);
            return result is { } status ? From(status) : null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            problem = "statx is not available: " + exception.Message;
            return null;
        }
    }

    private static UnixFileStatus From(Libc.StatxResult status)
    {
        var kind = (status.Mode & 0xF000) switch
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
        return new UnixFileStatus(kind, status.Mode & 0xFFFu, status.Uid, status.Gid, status.RdevMajor, status.RdevMinor);
    }
}
