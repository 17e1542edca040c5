namespace LibvirtNested.Fleet;

/// <summary>A host's nested readiness as libvirt reports it remotely: capabilities, then domain capabilities for kvm.</summary>
internal sealed record HostFacts(string? Arch, bool? HardwareVirtualization, bool? KvmAvailable, bool? HostPassthroughSupported)
{
    /// <summary>Reads the facts (<c>virConnectGetCapabilities</c>, <c>virConnectGetDomainCapabilities</c>).</summary>
    /// <exception cref="LibvirtException">The capabilities could not be read (the connection broke).</exception>
    internal static HostFacts Read(LibvirtConnection connection)
    {
        var capabilities = connection.GetCapabilities();
        var cpu = capabilities.Host?.Cpu;
        var arch = cpu?.Arch;
        bool? hardware = cpu is null ? null : cpu.HasHardwareVirtualization;
        bool? kvm = arch is null ? null : capabilities.SupportsDomainType(arch, "kvm");
        bool? passthrough = null;
        if (kvm == true)
        {
            try
            {
                passthrough = connection.GetDomainCapabilities(arch: arch, virtType: "kvm").Cpu?.IsModeSupported("host-passthrough") ?? false;
            }
            catch (LibvirtUnsupportedOperationException)
            {
                // The driver does not report domain capabilities: unknown, not "no".
            }
        }

        return new HostFacts(arch, hardware, kvm, passthrough);
    }
}
