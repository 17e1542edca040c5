using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <content>The nested-virtualization edit of an L1 guest, following the domain capabilities.</content>
public sealed partial class LibvirtConnection
{
    /// <summary>
    /// Makes a guest nested-capable (an L1 that can run guests itself) with the CPU its hypervisor allows: reads the
    /// domain capabilities (<c>virConnectGetDomainCapabilities</c>) for the guest's own virt type, emulator,
    /// architecture and machine, then edits the definition like <c>virsh edit</c> with
    /// <see cref="DomainXml.UseNestingCpu"/>: <c>&lt;cpu mode='host-passthrough'/&gt;</c> under KVM when supported,
    /// else <c>&lt;cpu mode='maximum'/&gt;</c> carrying <c>svm</c> or <c>vmx</c> (an emulated, <c>type='qemu'</c>, guest
    /// gets QEMU's <c>-cpu max</c> with <c>svm</c>) — instead of a host-passthrough CPU libvirt refuses with code 67.
    /// The written mode is in the result's <see cref="EditResult.Xml"/> (<c>Cpu.Mode</c>).
    /// </summary>
    /// <param name="name">The domain's name.</param>
    /// <param name="options">Dry run, validation (on by default), diff redaction and attempts, as for <see cref="EditDomain(string, System.Action{DomainXml}, EditOptions?)"/>.</param>
    /// <returns>Whether anything changed, the diff, and the resulting definition.</returns>
    /// <exception cref="LibvirtNotFoundException">No domain has that name.</exception>
    /// <exception cref="LibvirtUnsupportedOperationException">The driver does not report domain capabilities (the test driver).</exception>
    /// <exception cref="System.InvalidOperationException">The hypervisor supports neither host-passthrough (KVM) nor the maximum CPU mode.</exception>
    /// <exception cref="LibvirtEditConflictException">Another process changed the definition during every attempt.</exception>
    /// <exception cref="LibvirtException">libvirt failed to report capabilities or rejected the edited definition; the definition is unchanged.</exception>
    public EditResult EditDomainForNesting(string name, EditOptions? options = null)
    {
        using var domain = GetDomain(name);
        return EditDomainForNesting(domain, options);
    }

    private EditResult EditDomainForNesting(LibvirtDomain domain, EditOptions? options)
    {
        var current = domain.GetInactiveXml();
        var emulator = current.Element.Element("devices")?.Element("emulator")?.Value.Trim();
        var capabilities = GetDomainCapabilities(
            string.IsNullOrEmpty(emulator) ? null : emulator, current.Os?.Arch, current.Os?.Machine, current.Type);
        return EditDomain(domain, edited => edited.UseNestingCpu(capabilities), options);
    }
}
