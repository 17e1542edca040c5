namespace LibvirtNested;

/// <summary>What <see cref="LibvirtDomain.WaitForAddressesAsync(TimeSpan, DomainAddressWaitOptions?, CancellationToken)"/> waits for.</summary>
public sealed record DomainAddressWaitOptions
{
    /// <summary>Where to read addresses from; DHCP leases by default.</summary>
    public DomainAddressSource Source { get; init; } = DomainAddressSource.Lease;

    /// <summary>
    /// The interfaces that must have an address, by MAC address or interface name; null means every
    /// <c>&lt;interface&gt;</c> of the running domain (by its <c>&lt;mac address&gt;</c>).
    /// </summary>
    public IReadOnlyCollection<string>? Interfaces { get; init; }

    /// <summary>Time between polls; one second by default.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Receives each poll's addresses, for progress display.</summary>
    public IProgress<IReadOnlyList<DomainInterfaceAddresses>>? Progress { get; init; }
}
