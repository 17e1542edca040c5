using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LibvirtNested.Interop;

/// <summary>
/// Raw imports from the C library (<c>libc.so.6</c>) for the host checks, C names kept: <c>statx</c> (file kind, mode,
/// owner and device numbers, which .NET does not expose) and <c>open</c> with <c>O_NONBLOCK</c> (so that a FIFO
/// planted where a sysfs or /proc file should be never blocks a read). This is the only Interop file that
/// <c>LibvirtNested.Host</c> may use: nothing here touches libvirt.so.0, so a machine without libvirt can be probed.
/// </summary>
internal static unsafe partial class Libc
{
    /// <summary>The GNU C library's soname on Linux.</summary>
    internal const string LibraryName = "libc.so.6";

    // Values of the generic Linux ABI (x86-64, arm64, riscv64, …; include/uapi/asm-generic/fcntl.h).
    private const int ORdOnly = 0;
    private const int ORdWr = 2;
    private const int ONoCtty = 0x100;
    internal const int ONonBlock = 0x800;
    internal const int OCloExec = 0x80000;
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxBufferSize = 256;

    /// <summary>The fields of <c>struct statx</c> (include/uapi/linux/stat.h) the host checks use.</summary>
    /// <param name="Mode"><c>stx_mode</c>: file type bits and permissions.</param>
    /// <param name="Uid"><c>stx_uid</c>.</param>
    /// <param name="Gid"><c>stx_gid</c>.</param>
    /// <param name="Size"><c>stx_size</c>, bytes.</param>
    /// <param name="RdevMajor"><c>stx_rdev_major</c>: the device number of a device file.</param>
    /// <param name="RdevMinor"><c>stx_rdev_minor</c>.</param>
    internal readonly record struct StatxResult(uint Mode, uint Uid, uint Gid, ulong Size, uint RdevMajor, uint RdevMinor);

    /// <summary><c>statx(AT_FDCWD, path, follow ? 0 : AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS)</c>.</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLinks">False to describe a symbolic link itself (lstat).</param>
    /// <param name="errno">0, or the error number (2 is ENOENT).</param>
    /// <returns>The status, or null with <paramref name="errno"/>.</returns>
    /// <exception cref="DllNotFoundException">There is no libc.so.6 (not glibc Linux).</exception>
    /// <exception cref="EntryPointNotFoundException">The C library has no <c>statx</c> (glibc older than 2.28).</exception>
    internal static StatxResult? StatPath(string path, bool followLinks, out int errno)
    {
        var buffer = stackalloc byte[StatxBufferSize];
        if (statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        return Decode(buffer);
    }

    /// <summary><c>statx(fd, "", AT_EMPTY_PATH, …)</c>: what an open descriptor refers to (fstat), free of the race
    /// between checking a path and opening it.</summary>
    /// <param name="handle">An open descriptor.</param>
    /// <param name="errno">0, or the error number.</param>
    /// <returns>The status, or null with <paramref name="errno"/>.</returns>
    internal static StatxResult? StatHandle(SafeFileHandle handle, out int errno)
    {
        var buffer = stackalloc byte[StatxBufferSize];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            if (statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxBasicStats, buffer) != 0)
            {
                errno = Marshal.GetLastPInvokeError();
                return null;
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        errno = 0;
        return Decode(buffer);
    }

    /// <summary><c>open(path, O_RDONLY|O_NONBLOCK|O_NOCTTY|O_CLOEXEC)</c> (or <c>O_RDWR</c>): never waits for a FIFO's
    /// writer or a device; a regular file ignores <c>O_NONBLOCK</c>, so it reads as usual.</summary>
    /// <param name="path">The path (symbolic links are followed).</param>
    /// <param name="readWrite">True for <c>O_RDWR</c> (the <c>/dev/kvm</c> permission test), false for reading.</param>
    /// <param name="errno">0, or the error number.</param>
    /// <returns>The owned descriptor; invalid when the open failed.</returns>
    internal static SafeFileHandle OpenNonBlocking(string path, bool readWrite, out int errno)
    {
        var fd = open(path, (readWrite ? ORdWr : ORdOnly) | ONonBlock | ONoCtty | OCloExec, 0);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>The C library's text for an error number (<c>strerror</c>).</summary>
    /// <param name="errno">The error number.</param>
    /// <returns>E.g. <c>No such file or directory</c>.</returns>
    internal static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    // Offsets of struct statx, the same on every architecture.
    private static StatxResult Decode(byte* buffer) => new(
        *(ushort*)(buffer + 28),
        *(uint*)(buffer + 20),
        *(uint*)(buffer + 24),
        *(ulong*)(buffer + 40),
        *(uint*)(buffer + 128),
        *(uint*)(buffer + 132));

    [LibraryImport(LibraryName, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string pathname, int flags, uint mask, byte* statxbuf);

    [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string pathname, int flags, int mode);
}
