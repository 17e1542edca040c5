using LibvirtNested.Xml.DomainCapabilities;

namespace LibvirtNested.Xml.Domain;

/// <content>The nested-virtualization CPU edit that follows what the domain capabilities allow.</content>
public sealed partial class DomainXml
{
    /// <summary>
    /// The nested-virtualization edit of an L1 guest, choosing what <paramref name="capabilities"/> (libvirt's
    /// <c>virConnectGetDomainCapabilities</c> for this guest's virt type, emulator, architecture and machine)
    /// allow, instead of a CPU mode libvirt would refuse with <c>VIR_ERR_CONFIG_UNSUPPORTED</c> (67):
    /// <list type="bullet">
    /// <item><c>type='kvm'</c> and <c>&lt;mode name='host-passthrough' supported='yes'&gt;</c>: <c>&lt;cpu mode='host-passthrough'/&gt;</c>,
    /// exactly <see cref="UseHostPassthrough"/>.</item>
    /// <item>otherwise <c>&lt;mode name='maximum' supported='yes'&gt;</c>: <c>&lt;cpu mode='maximum'/&gt;</c> (QEMU's
    /// <c>-cpu max</c>) with <c>&lt;feature policy='require' name='svm'/&gt;</c> or <c>'vmx'</c>, so the guest CPU carries the
    /// virtualization extension: <c>svm</c> under TCG (<c>type='qemu'</c>; QEMU emulates AMD-V only), under KVM the one of
    /// the host-model CPU's vendor (Intel: <c>vmx</c>, AMD: <c>svm</c>; none when the vendor is unknown).</item>
    /// </list>
    /// The rest of <c>&lt;cpu&gt;</c> is edited as <see cref="DomainCpu.SetHostPassthrough"/> describes. Idempotent.
    /// </summary>
    /// <param name="capabilities">The domain capabilities for this domain's virt type (<c>virsh domcapabilities --virttype …</c>).</param>
    /// <param name="migratable"><see langword="null"/> keeps any <c>migratable</c> attribute; otherwise writes <c>migratable='on'</c> or <c>'off'</c>.</param>
    /// <returns>The CPU mode written: <see cref="DomainCpuMode.HostPassthrough"/> or <see cref="DomainCpuMode.Maximum"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="capabilities"/> is null.</exception>
    /// <exception cref="ArgumentException">The capabilities are for another virt type than this domain's <c>@type</c>.</exception>
    /// <exception cref="InvalidOperationException">The capabilities support neither host-passthrough (under KVM) nor maximum: this hypervisor cannot give the guest a nesting CPU.</exception>
    /// <exception cref="LibvirtXmlValueException">A <c>supported</c> attribute in the capabilities is not yes/no.</exception>
    public DomainCpuMode UseNestingCpu(DomainCapabilitiesXml capabilities, bool? migratable = null)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var virtType = capabilities.Domain;
        if (Type is { } type && virtType is not null && !string.Equals(type, virtType, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The domain capabilities are for virt type '{virtType}', the domain is type='{type}'; read them with virtType '{type}'.",
                nameof(capabilities));
        }

        var cpuModes = capabilities.Cpu;
        var isKvm = string.Equals(virtType ?? Type, "kvm", StringComparison.Ordinal);
        if (isKvm && cpuModes is not null && cpuModes.IsModeSupported(DomainCpuMode.HostPassthrough.Value))
        {
            GetOrAddCpu().SetHostPassthrough(migratable);
            return DomainCpuMode.HostPassthrough;
        }

        if (cpuModes is null || !cpuModes.IsModeSupported(DomainCpuMode.Maximum.Value))
        {
            throw new InvalidOperationException(
                $"The domain capabilities for virt type '{virtType ?? Type}' support neither host-passthrough (KVM only) nor the maximum CPU mode: this hypervisor cannot give the guest a CPU with vmx or svm.");
        }

        var cpu = GetOrAddCpu().SetMaximum(migratable);
        if (VirtualizationFeature(isKvm, cpuModes.HostModel?.Vendor) is { } feature)
        {
            cpu.SetFeature(feature, DomainCpuFeaturePolicy.Require);
        }

        return DomainCpuMode.Maximum;
    }

    // QEMU's TCG emulates AMD-V (svm) and not VT-x, and its "max" CPU is an AMD one there; under KVM the
    // extension is the host vendor's.
    private static string? VirtualizationFeature(bool isKvm, string? hostVendor) =>
        !isKvm ? "svm"
        : string.Equals(hostVendor, "Intel", StringComparison.OrdinalIgnoreCase) ? "vmx"
        : string.Equals(hostVendor, "AMD", StringComparison.OrdinalIgnoreCase) ? "svm"
        : null;
}
