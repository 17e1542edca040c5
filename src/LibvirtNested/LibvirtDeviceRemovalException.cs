namespace LibvirtNested;

/// <summary>
/// A device detach (<see cref="LibvirtDomain.DetachDeviceAndWaitAsync"/>) did not complete: the guest refused or failed
/// to release the device (libvirt reported <c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED</c> for its alias), or libvirt
/// reported no <c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED</c> within the timeout (<see cref="TimedOut"/>; the inner exception
/// is then a <see cref="TimeoutException"/>). Either way the device may still be attached to the running guest; a
/// guest that ignored the request may still release it later. It carries no libvirt error (<see cref="LibvirtException.Code"/> is 0).
/// </summary>
public sealed class LibvirtDeviceRemovalException : LibvirtException
{
    /// <summary>Creates the exception with a default message.</summary>
    public LibvirtDeviceRemovalException()
        : this("The device was not removed from the guest.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public LibvirtDeviceRemovalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtDeviceRemovalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a removal that failed or timed out.</summary>
    /// <param name="domainName">The domain's name.</param>
    /// <param name="deviceAlias">The device's alias.</param>
    /// <param name="timeout">The timeout that passed, or <see langword="null"/> when the guest reported the failure.</param>
    public LibvirtDeviceRemovalException(string domainName, string deviceAlias, TimeSpan? timeout)
        : base(
            timeout is { } limit
                ? $"Domain '{domainName}' did not report device '{deviceAlias}' removed within {limit}; it may still be attached."
                : $"Domain '{domainName}' failed to release device '{deviceAlias}' (VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED); it is still attached.",
            timeout is { } t ? new TimeoutException($"No VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED for '{deviceAlias}' within {t}.") : null!)
    {
        DetachedDomain = domainName;
        DeviceAlias = deviceAlias;
        TimedOut = timeout is not null;
    }

    /// <summary>The domain's name, when known (<see cref="LibvirtException.DomainName"/> is libvirt's error domain).</summary>
    public string? DetachedDomain { get; }

    /// <summary>The alias of the device being detached (<c>&lt;alias name='…'/&gt;</c>), when known.</summary>
    public string? DeviceAlias { get; }

    /// <summary>True when the timeout passed without a removal event; false when libvirt reported the removal failed.</summary>
    public bool TimedOut { get; }
}
