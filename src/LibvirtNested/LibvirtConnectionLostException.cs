using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>An open connection to a libvirt daemon broke: <c>VIR_ERR_RPC</c> (39), <c>VIR_ERR_SYSTEM_ERROR</c> from the RPC or remote layer, "client socket is closed" from the RPC layer, or "end of file from server".</summary>
public class LibvirtConnectionLostException : LibvirtException
{
    /// <summary>Creates the exception without a libvirt error.</summary>
    public LibvirtConnectionLostException()
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    public LibvirtConnectionLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal LibvirtConnectionLostException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(info, function, innerException)
    {
    }
}
