namespace LibvirtNested;

/// <summary>A domain's resource summary (<c>virDomainGetInfo</c>, <c>virsh dominfo</c>): one round trip for state, memory and virtual CPUs.</summary>
/// <param name="State">The state (<c>virDomainInfo.state</c>).</param>
/// <param name="MaxMemoryBytes">The most memory the guest may be given (<c>virDomainInfo.maxMem</c>, reported in KiB).</param>
/// <param name="MemoryBytes">The memory the guest has now (<c>virDomainInfo.memory</c>, reported in KiB).</param>
/// <param name="VirtualCpus">Virtual CPUs (<c>virDomainInfo.nrVirtCpu</c>).</param>
/// <param name="CpuTime">CPU time used (<c>virDomainInfo.cpuTime</c>, nanoseconds); zero for a stopped domain.</param>
public readonly record struct DomainInfo(DomainState State, ulong MaxMemoryBytes, ulong MemoryBytes, int VirtualCpus, TimeSpan CpuTime);
