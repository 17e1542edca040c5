namespace LibvirtNested.Fleet;

/// <summary>What a nested lab's guest needs from the host it is placed on (<see cref="LibvirtHostPool.PlaceAsync(NestedLabRequest, IEnumerable{string}?, CancellationToken)"/>).</summary>
public sealed record NestedLabRequest
{
    /// <summary>L1 (needs KVM and host-passthrough by default) or L2 (needs KVM by default).</summary>
    public required NestedLabLevel Level { get; init; }

    /// <summary>The guest's memory in bytes (<c>&lt;memory&gt;</c>); it must fit in <see cref="LibvirtHostInventory.AvailableMemoryBytes"/>.</summary>
    public required ulong MemoryBytes { get; init; }

    /// <summary>The guest's virtual CPUs (<c>&lt;vcpu&gt;</c>); no more than the host's CPUs, and the running domains' plus these within <see cref="CpuOvercommit"/> × the host's CPUs.</summary>
    public required int VirtualCpus { get; init; }

    /// <summary>Whether the host must offer <c>&lt;domain type='kvm'&gt;</c> guests (true by default: TCG cannot nest at a useful speed).</summary>
    public bool RequireKvm { get; init; } = true;

    /// <summary>Whether the host must support <c>&lt;cpu mode='host-passthrough'&gt;</c> for KVM guests; <see langword="null"/> (the default) means "for an L1".</summary>
    public bool? RequireHostPassthrough { get; init; }

    /// <summary>How many virtual CPUs per host CPU the running domains and this guest may have together. Default 1 (no overcommit).</summary>
    public double CpuOvercommit { get; init; } = 1.0;
}
