using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>The object asked for does not exist: <c>VIR_ERR_NO_DOMAIN</c>, <c>VIR_ERR_NO_NETWORK</c>, <c>VIR_ERR_NO_STORAGE_POOL</c>, <c>VIR_ERR_NO_STORAGE_VOL</c> and the other <c>VIR_ERR_NO_*</c> codes, or <c>VIR_ERR_DEVICE_MISSING</c>.</summary>
public class LibvirtNotFoundException : LibvirtException
{
    /// <summary>Creates the exception without a libvirt error.</summary>
    public LibvirtNotFoundException()
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    public LibvirtNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal LibvirtNotFoundException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(info, function, innerException)
    {
    }
}
