using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>The operation is not valid in the object's current state: <c>VIR_ERR_OPERATION_INVALID</c> (55), e.g. starting a running domain.</summary>
public class LibvirtOperationInvalidException : LibvirtException
{
    /// <summary>Creates the exception without a libvirt error.</summary>
    public LibvirtOperationInvalidException()
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    public LibvirtOperationInvalidException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtOperationInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal LibvirtOperationInvalidException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(info, function, innerException)
    {
    }
}
