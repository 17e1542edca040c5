namespace LibvirtNested;

/// <summary>The host's processors and memory as libvirt reports them (<c>virNodeGetInfo</c>, <c>virsh nodeinfo</c>).</summary>
public sealed record LibvirtNodeInfo
{
    /// <summary>The CPU architecture or model string (<c>virNodeInfo.model</c>), e.g. <c>x86_64</c>.</summary>
    public required string CpuModel { get; init; }

    /// <summary>Installed memory in bytes (<c>virNodeInfo.memory</c>, reported in KiB).</summary>
    public required ulong MemoryBytes { get; init; }

    /// <summary>Active logical CPUs (<c>virNodeInfo.cpus</c>).</summary>
    public required int Cpus { get; init; }

    /// <summary>Expected CPU frequency in MHz (<c>virNodeInfo.mhz</c>); 0 when unknown.</summary>
    public required int Mhz { get; init; }

    /// <summary>NUMA cells (<c>virNodeInfo.nodes</c>); 1 for a uniform memory host.</summary>
    public required int NumaNodes { get; init; }

    /// <summary>CPU sockets per NUMA cell (<c>virNodeInfo.sockets</c>).</summary>
    public required int Sockets { get; init; }

    /// <summary>Cores per socket (<c>virNodeInfo.cores</c>).</summary>
    public required int CoresPerSocket { get; init; }

    /// <summary>Threads per core (<c>virNodeInfo.threads</c>).</summary>
    public required int ThreadsPerCore { get; init; }
}
