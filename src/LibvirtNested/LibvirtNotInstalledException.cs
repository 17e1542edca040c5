namespace LibvirtNested;

/// <summary>
/// libvirt's client library (<c>libvirt.so.0</c>) could not be loaded on this machine. Install it with
/// <c>apt-get install libvirt0</c> (Debian/Ubuntu) or <c>dnf install libvirt-libs</c> (Fedora/RHEL).
/// </summary>
/// <remarks>
/// A <see cref="LibvirtException"/> like every failure of this library to reach libvirt, so <c>catch (LibvirtException)</c>
/// around a connection's first use covers a machine without libvirt too. It carries no libvirt error: <see cref="LibvirtException.Code"/> is 0.
/// </remarks>
public sealed class LibvirtNotInstalledException : LibvirtException
{
    /// <summary>Creates the exception with the default explanation.</summary>
    public LibvirtNotInstalledException()
        : this("libvirt.so.0")
    {
    }

    /// <summary>Creates the exception for a library that could not be loaded.</summary>
    /// <param name="library">The library name that failed to load.</param>
    public LibvirtNotInstalledException(string library)
        : base($"The libvirt client library '{library}' could not be loaded. Install the libvirt0 package (apt-get install libvirt0; on Fedora/RHEL: libvirt-libs).")
    {
    }

    /// <summary>Creates the exception for a library that loaded but could not initialize.</summary>
    /// <param name="library">The library name.</param>
    /// <param name="detail">What failed.</param>
    public LibvirtNotInstalledException(string library, string detail)
        : base($"The libvirt client library '{library}' is not usable: {detail} Reinstall the libvirt0 package.")
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtNotInstalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
