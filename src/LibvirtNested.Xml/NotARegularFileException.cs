namespace LibvirtNested.Xml;

/// <summary>
/// A file was refused because it (after following symbolic links) exists and is not a regular file: a directory,
/// FIFO, socket or device node. Reading a FIFO blocks and replacing a device node (as root) destroys it, so it is
/// neither read nor replaced. Thrown by <see cref="LibvirtXmlDocument.Save(string)"/> and by the host checks'
/// <c>KvmModprobeConfig.WriteRemedy</c> and <c>PlanRemedy</c> (package LibvirtNested). An <see cref="IOException"/>, so
/// existing handlers of I/O failures see it.
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

    /// <summary>Creates an exception naming the refused file and what it is instead.</summary>
    /// <param name="message">What the file is.</param>
    /// <param name="path">The file, after following symbolic links.</param>
    /// <param name="kind">What the file is instead, e.g. <c>a FIFO (named pipe)</c>, <c>a character device 1:3</c>.</param>
    public NotARegularFileException(string message, string path, string kind)
        : base(message)
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>The refused file, after following symbolic links; <see langword="null"/> when not given.</summary>
    public string? Path { get; }

    /// <summary>What the file is instead (e.g. <c>a FIFO (named pipe)</c>); <see langword="null"/> when not given.</summary>
    public string? Kind { get; }
}
