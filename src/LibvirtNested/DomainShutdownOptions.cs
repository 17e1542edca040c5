namespace LibvirtNested;

/// <summary>How <see cref="LibvirtDomain.ShutdownAndWaitAsync(TimeSpan, DomainShutdownOptions?, CancellationToken)"/> asks and what it does when the guest does not stop.</summary>
public sealed record DomainShutdownOptions
{
    /// <summary>The shutdown method (<c>virDomainShutdownFlags</c>'s flags); <see cref="DomainShutdownMode.Default"/> lets the hypervisor choose.</summary>
    public DomainShutdownMode Mode { get; init; } = DomainShutdownMode.Default;

    /// <summary>
    /// Whether to pull the plug (<c>virDomainDestroy</c>) when the guest has not stopped within the timeout, instead of
    /// throwing <see cref="TimeoutException"/>. Off by default: destroying can lose the guest's unwritten data.
    /// </summary>
    public bool DestroyOnTimeout { get; init; }
}
