namespace LibvirtNested.Fleet;

/// <summary>
/// One host's health as <see cref="LibvirtHostPool.CheckHealthAsync(string, CancellationToken)"/> found it: whether it
/// answered, its versions, and its readiness for nested guests as far as libvirt tells it remotely.
/// </summary>
public sealed record LibvirtHostHealth
{
    /// <summary>The host's URI.</summary>
    public required string Uri { get; init; }

    /// <summary>Whether the host answered the check's calls.</summary>
    public required bool IsReachable { get; init; }

    /// <summary>How many times the host's connection was reopened after a break (<see cref="ResilientLibvirtConnection.Reconnects"/>).</summary>
    public long Reconnects { get; init; }

    /// <summary>The host's name (<c>virConnectGetHostname</c>); null when unreachable.</summary>
    public string? HostName { get; init; }

    /// <summary>The driver (<c>virConnectGetType</c>): <c>QEMU</c>, <c>Test</c>, …; null when unreachable.</summary>
    public string? DriverType { get; init; }

    /// <summary>The daemon's libvirt version (<c>virConnectGetLibVersion</c>); null when unreachable.</summary>
    public Version? LibvirtVersion { get; init; }

    /// <summary>The hypervisor's version, e.g. QEMU's (<c>virConnectGetVersion</c>); null when unreachable.</summary>
    public Version? HypervisorVersion { get; init; }

    /// <summary>The host CPU's architecture (<c>/capabilities/host/cpu/arch</c>); null when unknown.</summary>
    public string? Arch { get; init; }

    /// <summary>Whether the host CPU, as libvirt sees it, has <c>vmx</c> or <c>svm</c> (<c>/capabilities/host/cpu/feature</c>); null when unknown.</summary>
    public bool? HardwareVirtualization { get; init; }

    /// <summary>Whether guests of <c>&lt;domain type='kvm'&gt;</c> can run for the host's architecture (<c>/capabilities/guest/arch/domain[@type='kvm']</c>); null when unknown.</summary>
    public bool? KvmAvailable { get; init; }

    /// <summary>
    /// Whether KVM guests may use <c>&lt;cpu mode='host-passthrough'&gt;</c>, which lets an L1 guest run its own guests
    /// (<c>virConnectGetDomainCapabilities</c> for kvm: <c>/domainCapabilities/cpu/mode[@name='host-passthrough']/@supported</c>);
    /// null when the driver reports no domain capabilities or KVM is not available.
    /// </summary>
    public bool? HostPassthroughSupported { get; init; }

    /// <summary>Whether the host can run an L1 guest that nests further: KVM available and host-passthrough supported.</summary>
    public bool IsNestedReady => KvmAvailable == true && HostPassthroughSupported == true;

    /// <summary>Why the host is not reachable: the typed error of the check; null when reachable.</summary>
    public Exception? Error { get; init; }

    /// <summary>How long the check took.</summary>
    public TimeSpan Elapsed { get; init; }
}
