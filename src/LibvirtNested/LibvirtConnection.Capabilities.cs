using LibvirtNested.Interop;
using LibvirtNested.Xml.Capabilities;
using LibvirtNested.Xml.DomainCapabilities;

namespace LibvirtNested;

/// <content>Host and domain capabilities.</content>
public sealed partial class LibvirtConnection
{
    /// <summary>The host's capabilities (<c>virConnectGetCapabilities</c>, <c>virsh capabilities</c>): CPU, NUMA, guest architectures.</summary>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public CapabilitiesXml GetCapabilities() =>
        CapabilitiesXml.Parse(LibvirtCall.Begin(nameof(Libvirt.virConnectGetCapabilities)).CheckString(Libvirt.virConnectGetCapabilities(Handle)));

    /// <summary>
    /// What the hypervisor supports for one emulator / architecture / machine / virt type
    /// (<c>virConnectGetDomainCapabilities</c>, <c>virsh domcapabilities</c>): CPU modes such as host-passthrough,
    /// disk buses, devices. Null arguments let libvirt pick its default.
    /// </summary>
    /// <param name="emulator">The emulator binary, e.g. <c>/usr/bin/qemu-system-x86_64</c>.</param>
    /// <param name="arch">The architecture, e.g. <c>x86_64</c>.</param>
    /// <param name="machine">The machine type, e.g. <c>q35</c>.</param>
    /// <param name="virtType">The virtualization type, <c>kvm</c> or <c>qemu</c>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtUnsupportedOperationException">The driver does not report domain capabilities (the test driver).</exception>
    /// <exception cref="LibvirtException">libvirt failed, e.g. an unknown emulator or machine.</exception>
    public DomainCapabilitiesXml GetDomainCapabilities(string? emulator = null, string? arch = null, string? machine = null, string? virtType = null) =>
        DomainCapabilitiesXml.Parse(LibvirtCall.Begin(nameof(Libvirt.virConnectGetDomainCapabilities)).CheckString(
            Libvirt.virConnectGetDomainCapabilities(Handle, emulator, arch, machine, virtType, LibvirtFlags.None)));
}
