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

    /// <summary>The shortest time between polls: a smaller <see cref="PollInterval"/>, zero included, is raised to it, so a wait never spins.</summary>
    public static readonly TimeSpan MinimumPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest time between polls: a larger <see cref="PollInterval"/>, <see cref="Timeout.InfiniteTimeSpan"/> included, is lowered to it, so a wait never stops polling.</summary>
    public static readonly TimeSpan MaximumPollInterval = TimeSpan.FromMinutes(1);

    private readonly TimeSpan pollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Time between polls; one second by default. Clamped to <see cref="MinimumPollInterval"/>…<see cref="MaximumPollInterval"/>
    /// when polling: <see cref="TimeSpan.Zero"/> polls every 50 ms, <see cref="Timeout.InfiniteTimeSpan"/> every minute.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value other than <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan PollInterval
    {
        get => pollInterval;
        init => pollInterval = value >= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The poll interval must be zero or positive, or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>Receives each poll's addresses, for progress display.</summary>
    public IProgress<IReadOnlyList<DomainInterfaceAddresses>>? Progress { get; init; }

    /// <summary>The interval actually waited between polls.</summary>
    internal TimeSpan EffectivePollInterval =>
        PollInterval == Timeout.InfiniteTimeSpan || PollInterval > MaximumPollInterval ? MaximumPollInterval
        : PollInterval < MinimumPollInterval ? MinimumPollInterval
        : PollInterval;
}
