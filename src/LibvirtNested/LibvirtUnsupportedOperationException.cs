using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>The driver does not implement the API or an argument of it: <c>VIR_ERR_NO_SUPPORT</c> (3), <c>VIR_ERR_OPERATION_UNSUPPORTED</c> (84) or <c>VIR_ERR_ARGUMENT_UNSUPPORTED</c> (74); e.g. DHCP leases or domain capabilities on the test driver.</summary>
public class LibvirtUnsupportedOperationException : LibvirtException
{
    /// <summary>Creates the exception without a libvirt error.</summary>
    public LibvirtUnsupportedOperationException()
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    public LibvirtUnsupportedOperationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtUnsupportedOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal LibvirtUnsupportedOperationException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(info, function, innerException)
    {
    }
}
