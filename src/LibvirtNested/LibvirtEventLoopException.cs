namespace LibvirtNested;

/// <summary>
/// libvirt's event loop could not be set up (<c>virEventRegisterDefaultImpl</c> failed), so events such as
/// <see cref="LibvirtConnection.WatchDomainLifecycleAsync(string?, CancellationToken)"/> cannot be delivered.
/// </summary>
public sealed class LibvirtEventLoopException : LibvirtException
{
    /// <summary>Creates the exception.</summary>
    public LibvirtEventLoopException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public LibvirtEventLoopException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtEventLoopException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
