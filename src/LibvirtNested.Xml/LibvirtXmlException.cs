namespace LibvirtNested.Xml;

/// <summary>
/// Base type of every error raised by LibvirtNested.Xml for a document it cannot read or a value it cannot
/// interpret. Invalid arguments to edits and builders are reported as <see cref="ArgumentException"/> instead.
/// </summary>
public class LibvirtXmlException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public LibvirtXmlException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and where.</param>
    public LibvirtXmlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong and where.</param>
    /// <param name="innerException">The underlying error.</param>
    public LibvirtXmlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
