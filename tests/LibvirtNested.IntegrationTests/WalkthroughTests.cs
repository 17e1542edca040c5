using System.Diagnostics;
using System.Xml.Linq;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>
/// The walkthrough end to end on real libvirt: the L2 network, then the four nested edits on one realistic L1
/// guest, defined with validation by the real qemu driver.
/// </summary>
[DependsOnFixture(typeof(StorageTests), AllowFailure = true)]
public class WalkthroughTests
{
    [Test]
    public void L1_guest_with_the_four_nested_edits_is_accepted_by_the_real_qemu_driver()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var images = cleanup.TempDirectory();
        var lun = cleanup.LoopDevice();
        var networkName = Daemon.UniqueName("nested-bridge");
        var network = cleanup.Track(connection.DefineNetwork(
            new NatNetworkBuilder(networkName)
                .WithBridge("virbr1")
                .WithSubnet("192.168.166.0/24")
                .WithDhcpRange("192.168.166.128", "192.168.166.254")
                .Build()));
        network.Start();

        var l1 = Guests.L1(Daemon.UniqueName("l1"), Path.Combine(images, "l1.qcow2"));
        l1.Type = Daemon.GuestType;   // host-passthrough on TCG is defined; only its start is refused
        l1.UseHostPassthrough();
        var controller = l1.EnsureVirtioScsiController();
        l1.AddLunDisk(lun);
        var nic = l1.AddNetworkInterface(networkName);
        Assert.That(RelaxNgProblem(l1), Is.Null);

        var domain = cleanup.Track(connection.DefineDomain(l1));

        var stored = domain.GetInactiveXml();
        Assert.That(stored.Cpu?.Mode, Is.EqualTo(DomainCpuMode.HostPassthrough));
        var scsi = stored.Devices.Controllers.Single(c => c.Type?.Value == "scsi");
        Assert.That((scsi.Model?.Value, scsi.Index), Is.EqualTo(("virtio-scsi", controller.Index)));
        var lunDisk = stored.Devices.Disks.Single(d => d.Device?.Value == "lun");
        Assert.That(lunDisk.Source?.Dev, Is.EqualTo(lun));
        Assert.That(lunDisk.Address?.Controller, Is.EqualTo(scsi.Index));
        Assert.That(stored.Devices.Disks.Single(d => d.Device?.Value == "disk").Target?.Dev, Is.EqualTo("vda"));
        var storedNic = stored.Devices.Interfaces.Single();
        Assert.That(storedNic.Type?.Value, Is.EqualTo("network"));
        Assert.That(storedNic.Element.Element("source")?.Attribute("network")?.Value, Is.EqualTo(networkName));
        Assert.That(storedNic.Model, Is.EqualTo(nic.Model));
        Assert.That(storedNic.Mac, Does.StartWith("52:54:00:"), "libvirt gives the NIC a MAC address");
        Assert.That(stored.Metadata?.ToString(), Does.Contain("http://debian.org/debian/12"), "the libosinfo metadata survived");

        // Applying the same edits to what libvirt stored changes nothing: they are idempotent on libvirt's own output.
        var again = domain.Edit(d =>
        {
            d.UseHostPassthrough();
            d.EnsureVirtioScsiController();
            d.AddLunDisk(lun);
        });
        Assert.That(again.Changed, Is.False, again.Diff);
    }

    [Test]
    public void L2_built_like_virt_install_is_accepted_by_the_real_qemu_driver_with_validation()
    {
        // virt-install -n nested-L2 -r 16000 --vcpus=4 -l ISO --disk path=/dev/sda2 -w network=nested-bridge,
        // with a loop device standing in for /dev/sda2 and an empty file for the ISO (define does not read either).
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var iso = Path.Combine(cleanup.TempDirectory(), "netinst.iso");
        File.WriteAllBytes(iso, []);
        var disk = cleanup.LoopDevice();
        var networkName = Daemon.UniqueName("nested-bridge");
        cleanup.Track(connection.DefineNetwork(
            new NatNetworkBuilder(networkName).WithBridge("virbr1").WithSubnet("192.168.166.0/24")
                .WithDhcpRange("192.168.166.128", "192.168.166.254").Build()));

        var l2 = new DomainBuilder(Daemon.UniqueName("nested-L2"))
            .WithType(Daemon.GuestType)
            .WithMemory(DataSize.FromMebibytes(16000))
            .WithVcpus(4)
            .WithCdrom(iso)
            .WithBlockDisk(disk)
            .WithNetworkInterface(networkName)
            .Build();
        var domain = cleanup.Track(connection.DefineDomain(l2));

        var stored = domain.GetInactiveXml();
        Assert.That(stored.MemoryBytes, Is.EqualTo(16000UL << 20));
        Assert.That(stored.Vcpu?.Count, Is.EqualTo(4));
        Assert.That(stored.Os?.Machine, Does.StartWith("pc-q35"), "libvirt expands q35 to its versioned machine type");
        var cdrom = stored.Devices.Disks.Single(d => d.Device?.Value == "cdrom");
        Assert.That((cdrom.Source?.File, cdrom.Target?.Bus), Is.EqualTo((iso, DomainDiskBus.Sata)));
        Assert.That(stored.Devices.Disks.Single(d => d.Device?.Value == "disk").Source?.Dev, Is.EqualTo(disk));
        Assert.That(stored.Devices.Interfaces.Single().Element.Element("source")?.Attribute("network")?.Value, Is.EqualTo(networkName));
    }

    [Test]
    public void L1_guest_on_a_pool_volume_starts_under_kvm_with_host_passthrough_scsi_controller_and_nic()
    {
        // Everything of the walkthrough but the LUN, which this kernel (no SCSI) cannot give a running guest.
        Daemon.RequireKvm();
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var pool = cleanup.Track(connection.DefineDirectoryPool(Daemon.UniqueName("images"), cleanup.TempDirectory()));
        pool.Start();
        var image = pool.CreateVolume("l1.qcow2", 256L << 20);
        cleanup.Add("volume l1.qcow2", () =>
        {
            using (image)
            {
                image.Delete();
            }
        });
        var networkName = Daemon.UniqueName("nested-bridge");
        var network = cleanup.Track(connection.DefineNetwork(
            new NatNetworkBuilder(networkName).WithBridge("virbr1").WithSubnet("192.168.166.0/24").WithDhcpRange("192.168.166.128", "192.168.166.254").Build()));
        network.Start();
        var l1 = Guests.L1(Daemon.UniqueName("l1-run"), image.Path);
        l1.MemoryBytes = l1.CurrentMemoryBytes = 256UL << 20;
        l1.UseHostPassthrough().Cpu!.SetFeature("arch-capabilities", DomainCpuFeaturePolicy.Disable);
        l1.EnsureVirtioScsiController();
        l1.AddNetworkInterface(networkName);
        var domain = cleanup.Track(connection.DefineDomain(l1));

        domain.Start();

        Assert.That(domain.GetState().State, Is.EqualTo(DomainState.Running));
        var live = domain.GetLiveXml();
        Assert.That(live.Cpu?.Mode, Is.EqualTo(DomainCpuMode.HostPassthrough));
        Assert.That(live.Devices.Interfaces.Single().TargetDev, Does.StartWith("vnet"));
        Assert.That(live.Devices.Disks.Single().Source?.File, Is.EqualTo(image.Path));
        domain.Destroy();
        Assert.That(domain.GetState().Reason, Is.EqualTo("destroyed"));
    }

    [Test]
    public async Task L2_guest_on_the_nat_network_gets_a_tap_on_the_bridge_and_no_address_without_an_os()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var networkName = Daemon.UniqueName("nested-bridge");
        var network = cleanup.Track(connection.DefineNetwork(
            new NatNetworkBuilder(networkName).WithBridge("virbr1").WithSubnet("192.168.166.0/24").WithDhcpRange("192.168.166.128", "192.168.166.254").Build()));
        network.Start();
        var l2 = Guests.Minimal(Daemon.UniqueName("l2"));
        var mac = l2.AddNetworkInterface(networkName, macAddress: "52:54:00:6c:76:02").Mac;
        var domain = cleanup.Track(connection.DefineDomain(l2));

        domain.Start();

        var nic = domain.GetLiveXml().Devices.Interfaces.Single();
        Assert.That(nic.TargetDev, Does.StartWith("vnet"), "the running guest's NIC has a tap device");
        Assert.That(nic.Element.Element("source")?.Attribute("bridge")?.Value, Is.EqualTo("virbr1"));
        Assert.That(domain.GetInterfaceAddresses(DomainAddressSource.Lease).SelectMany(i => i.Addresses), Is.Empty);
        Assert.That(network.GetDhcpLeases(mac), Is.Empty);
        var clock = Stopwatch.StartNew();
        await Assert.ThatAsync(
            () => domain.WaitForAddressesAsync(TimeSpan.FromSeconds(1.5), new DomainAddressWaitOptions { PollInterval = TimeSpan.FromMilliseconds(500) }),
            Throws.TypeOf<TimeoutException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));

        var second = new XElement("interface", new XAttribute("type", "network"), new XElement("source", new XAttribute("network", networkName)), new XElement("model", new XAttribute("type", "virtio")));
        domain.AttachDevice(second, DomainModificationScope.Live);
        Assert.That(domain.GetLiveXml().Devices.Interfaces, Has.Count.EqualTo(2));
        Assert.That(domain.GetInactiveXml().Devices.Interfaces, Has.Count.EqualTo(1), "a live-only attach leaves the definition alone");
    }

    private static string? RelaxNgProblem(DomainXml domain) => LibvirtNested.Testing.RelaxNg.Validate("domain", domain.ToXmlString());
}
