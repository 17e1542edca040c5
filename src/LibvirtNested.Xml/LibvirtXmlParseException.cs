namespace LibvirtNested.Xml;

/// <summary>
/// A document could not be parsed: it is not well-formed XML, it carries a DTD or entity declaration (refused:
/// no entity is ever expanded and no external resource is read), or its root element is not the one expected
/// (for example network XML given to <see cref="Domain.DomainXml"/>), its elements nest deeper than
/// <see cref="LibvirtXmlDocument.MaxElementDepth"/>, or (from a file or stream) its bytes are not valid in the encoding
/// its byte-order mark or declaration names. <see cref="LineNumber"/> and <see cref="LinePosition"/> say where.
/// </summary>
public class LibvirtXmlParseException : LibvirtXmlException
{
    /// <summary>Creates an exception with no message.</summary>
    public LibvirtXmlParseException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public LibvirtXmlParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public LibvirtXmlParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception that points at a position in the source.</summary>
    /// <param name="message">What went wrong, already including the position.</param>
    /// <param name="filePath">The file the document came from, or <see langword="null"/> for a string or stream.</param>
    /// <param name="lineNumber">1-based line, or 0 when unknown.</param>
    /// <param name="linePosition">1-based column, or 0 when unknown.</param>
    /// <param name="innerException">The underlying <see cref="System.Xml.XmlException"/>, if any.</param>
    public LibvirtXmlParseException(string message, string? filePath, int lineNumber, int linePosition, Exception? innerException)
        : base(message, innerException!)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>
    /// The file the document came from, or <see langword="null"/> when it was parsed from a string or stream.
    /// (<see cref="Exception.Source"/> keeps its usual meaning: the assembly that threw.)
    /// </summary>
    public string? FilePath { get; }

    /// <summary>1-based line of the error, or 0 when the error is not tied to a position (for example a wrong root element).</summary>
    public int LineNumber { get; }

    /// <summary>1-based column of the error, or 0 when unknown.</summary>
    public int LinePosition { get; }
}
