namespace LibvirtNested.Host;

/// <summary>Where the probed machine sits in the nesting: on bare metal (L0) or inside a virtual machine (L1 or deeper).</summary>
public enum HostRole
{
    /// <summary><c>/proc/cpuinfo</c> could not be read, so the role is not known.</summary>
    Unknown = 0,

    /// <summary>No <c>hypervisor</c> flag in <c>/proc/cpuinfo</c>: this is the physical host, L0.</summary>
    Host = 1,

    /// <summary>The <c>hypervisor</c> flag is set in <c>/proc/cpuinfo</c>: this machine is itself a guest (L1 or deeper).</summary>
    Guest = 2,
}
