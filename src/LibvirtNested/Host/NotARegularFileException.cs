namespace LibvirtNested.Host;

/// <summary>Thrown by <see cref="KvmModprobeConfig.WriteRemedy"/> and <see cref="KvmModprobeConfig.PlanRemedy"/> when the remedy
/// file (after following symbolic links) is not a regular file: a FIFO, a socket, a device node or a directory. Such a file is
/// neither read (reading a FIFO blocks) nor replaced. An <see cref="IOException"/>, so existing handlers of I/O failures see it.</summary>
public class NotARegularFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    public NotARegularFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public NotARegularFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public NotARegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal NotARegularFileException(string path, string kind, string message)
        : base(message)
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>The file that was refused, as a path on the probed system (e.g. <c>/etc/modprobe.d/kvm-intel.conf</c>, or the
    /// final target of a link there).</summary>
    public string? Path { get; }

    /// <summary>What the file is instead, e.g. <c>a FIFO (named pipe)</c>, <c>a character device 1:3</c>.</summary>
    public string? Kind { get; }
}
