using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>libvirt refused an XML document: <c>VIR_ERR_XML_ERROR</c> (27, e.g. a missing required element) or <c>VIR_ERR_XML_DETAIL</c> (35, malformed XML, with libvirt's parser detail in the message).</summary>
public class LibvirtInvalidXmlException : LibvirtException
{
    /// <summary>Creates the exception without a libvirt error.</summary>
    public LibvirtInvalidXmlException()
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    public LibvirtInvalidXmlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtInvalidXmlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal LibvirtInvalidXmlException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(info, function, innerException)
    {
    }
}
