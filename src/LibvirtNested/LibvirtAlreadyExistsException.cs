using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>An object with that name or UUID already exists: <c>VIR_ERR_DOM_EXIST</c>, <c>VIR_ERR_NETWORK_EXIST</c>, <c>VIR_ERR_STORAGE_VOL_EXIST</c>, <c>VIR_ERR_NETWORK_PORT_EXIST</c>, or <c>VIR_ERR_OPERATION_FAILED</c> whose message says "already exists".</summary>
public class LibvirtAlreadyExistsException : LibvirtException
{
    /// <summary>Creates the exception without a libvirt error.</summary>
    public LibvirtAlreadyExistsException()
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    public LibvirtAlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal LibvirtAlreadyExistsException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(info, function, innerException)
    {
    }
}
