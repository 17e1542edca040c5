using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>An XML document failed libvirt's RelaxNG schema when defined with validation (<c>VIR_DOMAIN_DEFINE_VALIDATE</c>): <c>VIR_ERR_XML_INVALID_SCHEMA</c> (92).</summary>
public class LibvirtSchemaValidationException : LibvirtInvalidXmlException
{
    /// <summary>Creates the exception without a libvirt error.</summary>
    public LibvirtSchemaValidationException()
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    public LibvirtSchemaValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtSchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal LibvirtSchemaValidationException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(info, function, innerException)
    {
    }
}
