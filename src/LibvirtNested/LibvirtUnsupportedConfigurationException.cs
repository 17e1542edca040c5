using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>The hypervisor or driver does not support the requested configuration: <c>VIR_ERR_CONFIG_UNSUPPORTED</c> (67), e.g. a host-passthrough CPU on a <c>type='qemu'</c> (TCG) domain.</summary>
public class LibvirtUnsupportedConfigurationException : LibvirtException
{
    /// <summary>Creates the exception without a libvirt error.</summary>
    public LibvirtUnsupportedConfigurationException()
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    public LibvirtUnsupportedConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtUnsupportedConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal LibvirtUnsupportedConfigurationException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(info, function, innerException)
    {
    }
}
