namespace LibvirtNested.Host;

/// <summary>Thrown by <see cref="BlockDeviceSafety"/> when the path does not exist or is not a block device (a regular file,
/// a directory, a character device, a dangling link).</summary>
public sealed class NotABlockDeviceException : BlockDeviceSafetyException
{
    /// <summary>Creates the exception.</summary>
    public NotABlockDeviceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public NotABlockDeviceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public NotABlockDeviceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a path.</summary>
    /// <param name="path">The path that was checked.</param>
    /// <param name="exists">Whether anything exists at the path.</param>
    /// <param name="message">What is wrong.</param>
    internal NotABlockDeviceException(string path, bool exists, string message)
        : base(path, message)
    {
        Exists = exists;
    }

    /// <summary>Whether something exists at the path (false: missing, or a link to nothing).</summary>
    public bool Exists { get; }
}
