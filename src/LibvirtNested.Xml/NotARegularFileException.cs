namespace LibvirtNested.Xml;

/// <summary>
/// A save was refused because its destination (after following symbolic links) exists and is not a regular file:
/// a directory, FIFO, socket or device node. Replacing it with a regular file would destroy it (a device node, as
/// root) or hang (a FIFO), so it is left alone. Thrown by <see cref="LibvirtXmlDocument.Save(string)"/>.
/// </summary>
public class NotARegularFileException : IOException
{
    /// <summary>Creates an exception with no message.</summary>
    public NotARegularFileException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What the destination is.</param>
    public NotARegularFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What the destination is.</param>
    /// <param name="innerException">The underlying error.</param>
    public NotARegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming the refused destination.</summary>
    /// <param name="message">What the destination is.</param>
    /// <param name="path">The destination, after following symbolic links.</param>
    public NotARegularFileException(string message, string path)
        : base(message)
    {
        Path = path;
    }

    /// <summary>The refused destination, after following symbolic links; <see langword="null"/> when not given.</summary>
    public string? Path { get; }
}
