namespace LibvirtNested.Fleet;

/// <summary>Why a host cannot take a nested lab's guest.</summary>
public enum PlacementShortfallKind
{
    /// <summary>The host did not answer (its typed error is in the message): cannot be reached, broke, or timed out.</summary>
    Unreachable = 1,

    /// <summary>Not enough memory that is neither held by running domains nor used on the host.</summary>
    Memory = 2,

    /// <summary>Not enough CPUs for the guest's virtual CPUs, alone or with the running domains'.</summary>
    Cpus = 3,

    /// <summary>No <c>kvm</c> domain type for the host's architecture in its capabilities.</summary>
    Kvm = 4,

    /// <summary>host-passthrough is not supported for KVM guests, or the driver does not report domain capabilities.</summary>
    HostPassthrough = 5,
}
