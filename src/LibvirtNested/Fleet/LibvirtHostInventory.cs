namespace LibvirtNested.Fleet;

/// <summary>
/// What placement weighs for one host (<see cref="LibvirtHostPool.GetInventoryAsync(string, CancellationToken)"/>): its
/// processors and memory (<c>virNodeGetInfo</c>, <c>virNodeGetFreeMemory</c>), what its running domains hold
/// (<c>virConnectListAllDomains</c> + <c>virDomainGetInfo</c>), and its nested readiness (capabilities, domain capabilities).
/// </summary>
public sealed record LibvirtHostInventory
{
    /// <summary>The host's URI.</summary>
    public required string Uri { get; init; }

    /// <summary>The host's processors and memory.</summary>
    public required LibvirtNodeInfo Node { get; init; }

    /// <summary>Free memory as the kernel counts it (<c>virNodeGetFreeMemory</c>); null when the driver reports none (0, or unsupported).</summary>
    public ulong? FreeMemoryBytes { get; init; }

    /// <summary>Running domains.</summary>
    public int RunningDomains { get; init; }

    /// <summary>The memory the running domains have now (sum of <c>virDomainInfo.memory</c>).</summary>
    public ulong CommittedMemoryBytes { get; init; }

    /// <summary>The virtual CPUs of the running domains (sum of <c>virDomainInfo.nrVirtCpu</c>).</summary>
    public int CommittedVirtualCpus { get; init; }

    /// <summary>
    /// The memory a new guest can be promised: installed memory less what running domains hold, and no more than the
    /// kernel's free memory when the driver reports it.
    /// </summary>
    public ulong AvailableMemoryBytes
    {
        get
        {
            var uncommitted = Node.MemoryBytes > CommittedMemoryBytes ? Node.MemoryBytes - CommittedMemoryBytes : 0;
            return FreeMemoryBytes is { } free ? Math.Min(uncommitted, free) : uncommitted;
        }
    }

    /// <summary>The host CPU's architecture (<c>/capabilities/host/cpu/arch</c>); null when unknown.</summary>
    public string? Arch { get; init; }

    /// <summary>Whether the host CPU has <c>vmx</c> or <c>svm</c> as libvirt sees it; null when unknown.</summary>
    public bool? HardwareVirtualization { get; init; }

    /// <summary>Whether KVM guests can run (<c>/capabilities/guest/arch/domain[@type='kvm']</c>); null when unknown.</summary>
    public bool? KvmAvailable { get; init; }

    /// <summary>Whether KVM guests may use host-passthrough (domain capabilities); null when the driver does not say.</summary>
    public bool? HostPassthroughSupported { get; init; }
}
