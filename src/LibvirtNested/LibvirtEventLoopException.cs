namespace LibvirtNested;

/// <summary>
/// libvirt's event loop could not be set up, so events (<see cref="LibvirtConnection.WatchDomainEventsAsync(DomainEventKinds, string?, CancellationToken)"/>
/// and the other subscriptions) cannot be delivered: another library in the process registered its own libvirt
/// event implementation first (libvirt allows one per process and cannot unregister it; the message says what to
/// do), or <c>virEventRegisterDefaultImpl</c> failed.
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
