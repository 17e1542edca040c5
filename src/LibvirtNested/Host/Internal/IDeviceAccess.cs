namespace LibvirtNested.Host.Internal;

/// <summary>How the probe examines <c>/dev/kvm</c>. The system implementation asks the kernel; tests substitute a stand-in,
/// because git cannot store a character device and opening a real one needs a loaded KVM module.</summary>
internal interface IDeviceAccess
{
    /// <summary>Stats a path, following symbolic links; null with a reason (<c>missing</c> for ENOENT).</summary>
    UnixFileStatus? Stat(string realPath, out string? problem);

    /// <summary>The target of a symbolic link, or null when the path is not a link.</summary>
    string? LinkTarget(string realPath);

    /// <summary>Opens the path for reading and writing without blocking, stats what was opened, and closes it; null with
    /// the reason when it cannot be opened.</summary>
    UnixFileStatus? OpenReadWrite(string realPath, out string? problem);
}
