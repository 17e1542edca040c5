using LibvirtNested.Xml.Domain;

namespace LibvirtNested.IntegrationTests;

/// <summary>Domain definitions for the real qemu driver.</summary>
internal static class Guests
{
    /// <summary>
    /// The smallest guest QEMU starts: no disk, no OS (it sits in SeaBIOS and burns CPU, so tests destroy it
    /// soon). <c>type='qemu'</c> runs under TCG, which needs no /dev/kvm. ACPI lets devices be hot-plugged.
    /// </summary>
    public static DomainXml Minimal(string name, string type = "qemu") => DomainXml.Parse(
        $"""
        <domain type='{type}'>
          <name>{name}</name>
          <memory unit='MiB'>64</memory>
          <vcpu>1</vcpu>
          <os>
            <type arch='x86_64'>hvm</type>
          </os>
          <features>
            <acpi/>
            <apic/>
          </features>
          <on_poweroff>destroy</on_poweroff>
          <on_reboot>destroy</on_reboot>
          <on_crash>destroy</on_crash>
          <devices>
            <memballoon model='none'/>
          </devices>
        </domain>
        """);

    /// <summary>
    /// An L1 guest the way virt-install writes one for the walkthrough (q35, host-model CPU, a qcow2 system disk,
    /// guest agent channel, libosinfo metadata), before any nested edit.
    /// </summary>
    public static DomainXml L1(string name, string systemImage) => DomainXml.Parse(
        $"""
        <domain type='kvm'>
          <name>{name}</name>
          <metadata>
            <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
              <libosinfo:os id="http://debian.org/debian/12"/>
            </libosinfo:libosinfo>
          </metadata>
          <memory unit='GiB'>4</memory>
          <currentMemory unit='GiB'>4</currentMemory>
          <vcpu placement='static'>4</vcpu>
          <os>
            <type arch='x86_64' machine='q35'>hvm</type>
            <boot dev='hd'/>
          </os>
          <features>
            <acpi/>
            <apic/>
            <vmport state='off'/>
          </features>
          <cpu mode='host-model' check='partial'/>
          <clock offset='utc'>
            <timer name='rtc' tickpolicy='catchup'/>
            <timer name='pit' tickpolicy='delay'/>
            <timer name='hpet' present='no'/>
          </clock>
          <on_poweroff>destroy</on_poweroff>
          <on_reboot>restart</on_reboot>
          <on_crash>destroy</on_crash>
          <pm>
            <suspend-to-mem enabled='no'/>
            <suspend-to-disk enabled='no'/>
          </pm>
          <devices>
            <emulator>/usr/bin/qemu-system-x86_64</emulator>
            <disk type='file' device='disk'>
              <driver name='qemu' type='qcow2' discard='unmap'/>
              <source file='{systemImage}'/>
              <target dev='vda' bus='virtio'/>
            </disk>
            <controller type='usb' model='qemu-xhci' ports='15'/>
            <serial type='pty'>
              <target type='isa-serial' port='0'/>
            </serial>
            <console type='pty'>
              <target type='serial' port='0'/>
            </console>
            <channel type='unix'>
              <target type='virtio' name='org.qemu.guest_agent.0'/>
            </channel>
            <rng model='virtio'>
              <backend model='random'>/dev/urandom</backend>
            </rng>
            <memballoon model='virtio'/>
          </devices>
        </domain>
        """);
}
