namespace LibvirtNested.Host;

/// <summary>Base of the refusals of <see cref="BlockDeviceSafety"/>: the path must not be handed to a guest.</summary>
public class BlockDeviceSafetyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlockDeviceSafetyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public BlockDeviceSafetyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BlockDeviceSafetyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a path.</summary>
    /// <param name="path">The path that was checked.</param>
    /// <param name="message">What is wrong.</param>
    public BlockDeviceSafetyException(string path, string message)
        : base(message)
    {
        Path = path;
    }

    /// <summary>The path that was checked, as given.</summary>
    public string? Path { get; }
}
