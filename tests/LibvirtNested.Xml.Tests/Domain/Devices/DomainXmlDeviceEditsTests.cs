using System.Globalization;
using System.Text;
using LibvirtNested.Testing;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainXmlDeviceEditsTests
{
    [Test]
    public void EnsureVirtioScsiController_adds_one_to_the_L1_guest()
    {
        var domain = DeviceXml.L1Guest();
        var controller = domain.EnsureVirtioScsiController();
        Assert.That((controller.Type, controller.Index, controller.Model), Is.EqualTo(((DomainControllerType?)DomainControllerType.Scsi, (int?)0, (DomainControllerModel?)DomainControllerModel.VirtioScsi)));
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void EnsureVirtioScsiController_is_idempotent_and_returns_the_first_existing_one()
    {
        var domain = DeviceXml.WithDevices("<controller type='scsi' index='0' model='lsilogic'/>\n<controller type='scsi' index='3' model='virtio-scsi'/>\n<controller type='scsi' index='4' model='virtio-scsi'/>");
        var before = domain.ToXmlString();
        var first = domain.EnsureVirtioScsiController();
        var second = domain.EnsureVirtioScsiController();
        Assert.That(first.Index, Is.EqualTo(3));
        Assert.That(second.Element, Is.SameAs(first.Element));
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void EnsureVirtioScsiController_skips_indexes_used_by_controllers_and_scsi_addresses()
    {
        var domain = DeviceXml.WithDevices("""
            <disk type='block' device='lun'>
              <source dev='/dev/sdb'/>
              <target dev='sda' bus='scsi'/>
              <address type='drive' controller='1' bus='0' target='0' unit='0'/>
            </disk>
            <disk type='file' device='cdrom'>
              <target dev='sdb' bus='sata'/>
              <address type='drive' controller='2' bus='0' target='0' unit='0'/>
            </disk>
            <controller type='scsi' index='0' model='lsilogic'/>
            <controller type='sata' index='2'/>
            """);
        Assert.That(domain.EnsureVirtioScsiController().Index, Is.EqualTo(2));
        Assert.That(domain.Devices.Controllers.Select(c => (c.Type?.Value, c.Index)), Is.EqualTo(new[] { ("scsi", (int?)0), ("sata", 2), ("scsi", 2) }));
    }

    [Test]
    public void EnsureVirtioScsiController_counts_index_less_controllers_and_address_less_scsi_disks()
    {
        var domain = DeviceXml.WithDevices("<disk type='block'>\n  <target dev='sdq'/>\n</disk>\n<controller type='scsi'/>");
        Assert.That(domain.EnsureVirtioScsiController().Index, Is.EqualTo(2));
    }

    [Test]
    public void AddLunDisk_adds_the_walkthrough_lun_to_the_L1_guest()
    {
        var domain = DeviceXml.L1Guest();
        var disk = domain.AddLunDisk("/dev/sdb");
        Assert.That((disk.Target!.Dev, disk.Address!.Controller, disk.Address.Unit), Is.EqualTo(("sdb", (int?)0, (int?)0)));
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void AddLunDisk_writes_every_option()
    {
        var domain = DeviceXml.L1Guest();
        domain.AddLunDisk("/dev/disk/by-id/wwn-0x5000c500a1b2c3d4", new LunDiskOptions
        {
            Sgio = DomainDiskSgio.Filtered,
            Rawio = true,
            Shareable = true,
            ReadOnly = true,
            TargetDev = "sdk",
        });
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void AddLunDisk_is_idempotent_for_the_same_source_device()
    {
        var domain = DeviceXml.L1Guest();
        var first = domain.AddLunDisk("/dev/sdb");
        var after = domain.ToXmlString();
        var second = domain.AddLunDisk("/dev/sdb", new LunDiskOptions { Shareable = true, TargetDev = "sdb" });
        Assert.That(second.Element, Is.SameAs(first.Element));
        Assert.That(domain.ToXmlString(), Is.EqualTo(after));
    }

    [Test]
    public void AddLunDisk_returns_an_existing_block_disk_of_that_device_unchanged()
    {
        var domain = DeviceXml.WithDevices("<disk type='block' device='disk'>\n  <source dev='/dev/sdb'/>\n  <target dev='vda' bus='virtio'/>\n</disk>");
        var before = domain.ToXmlString();
        var disk = domain.AddLunDisk("/dev/sdb");
        Assert.That(disk.Device, Is.EqualTo(DomainDiskDevice.Disk));
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void AddLunDisk_calls_VerifyDevice_first_and_a_refusal_changes_nothing()
    {
        var domain = DeviceXml.L1Guest();
        var before = domain.ToXmlString();
        var seen = new List<string>();
        var refuse = new LunDiskOptions
        {
            VerifyDevice = path =>
            {
                seen.Add(path);
                throw new InvalidOperationException(path + " is mounted on the host");
            },
        };
        Assert.That(() => domain.AddLunDisk("/dev/sda", refuse), Throws.InvalidOperationException.With.Message.EqualTo("/dev/sda is mounted on the host"));
        Assert.That(seen, Is.EqualTo(new[] { "/dev/sda" }));
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));

        domain.AddLunDisk("/dev/sdc", new LunDiskOptions { VerifyDevice = seen.Add });
        Assert.That(seen, Is.EqualTo(new[] { "/dev/sda", "/dev/sdc" }));
    }

    [TestCase("dev/sdb")]
    [TestCase("sdb")]
    [TestCase("./disk")]
    [TestCase("~/disk.img")]
    public void AddLunDisk_refuses_a_relative_path_naming_it(string path)
    {
        var domain = DeviceXml.L1Guest();
        var before = domain.ToXmlString();
        var verified = false;
        Assert.That(() => domain.AddLunDisk(path, new LunDiskOptions { VerifyDevice = _ => verified = true }), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains($"'{path}'").And.Property("ParameterName").EqualTo("devicePath"));
        Assert.That(verified, Is.False);
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void AddLunDisk_refuses_an_empty_path(string path)
    {
        var domain = DeviceXml.L1Guest();
        var before = domain.ToXmlString();
        Assert.That(() => domain.AddLunDisk(path), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("devicePath"));
        Assert.That(() => domain.AddLunDisk(null!), Throws.ArgumentNullException);
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [TestCase("sda", "already used")]
    [TestCase("zz9", "diskTargetDev")]
    [TestCase("", "diskTargetDev")]
    [TestCase("sdb\n", "diskTargetDev")]
    public void AddLunDisk_refuses_a_bad_target_name_and_changes_nothing(string target, string message)
    {
        var domain = DeviceXml.L1Guest();
        var before = domain.ToXmlString();
        Assert.That(() => domain.AddLunDisk("/dev/sdb", new LunDiskOptions { TargetDev = target }), Throws.InstanceOf<Exception>().With.Message.Contains(message).And.Message.Contains($"'{LibvirtXmlValueException.Display(target)}'").And.TypeOf(message == "already used" ? typeof(ArgumentException) : typeof(LibvirtXmlValueException)));
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void AddLunDisk_takes_the_first_free_sd_name_across_all_buses_and_reuses_gaps()
    {
        var domain = DeviceXml.WithDevices("""
            <disk type='file' device='cdrom'><target dev='sda' bus='sata'/></disk>
            <disk type='file' device='disk'><target dev='sdc' bus='usb'/></disk>
            <disk type='file' device='disk'><target dev='vdb' bus='virtio'/></disk>
            <disk type='file' device='disk'><target dev='hdb' bus='ide'/></disk>
            """);
        Assert.That(domain.AddLunDisk("/dev/sdx").Target!.Dev, Is.EqualTo("sdb"));
        Assert.That(domain.AddLunDisk("/dev/sdy").Target!.Dev, Is.EqualTo("sdd"));
        Assert.That(domain.AddBlockDisk("/dev/vg/lv").Target!.Dev, Is.EqualTo("vda"));
        Assert.That(domain.AddCdrom("/isos/a.iso", DomainDiskBus.Ide).Target!.Dev, Is.EqualTo("hda"));
        Assert.That(domain.AddCdrom("/isos/b.iso").Target!.Dev, Is.EqualTo("sde"));
    }

    [Test]
    public void AddLunDisk_goes_from_sdz_to_sdaa()
    {
        var disks = string.Join("\n", Enumerable.Range(0, 26).Select(i => $"<disk type='file'><target dev='{DomainDiskTargetName.FromIndex(i, "sd")}' bus='sata'/></disk>"));
        var domain = DeviceXml.WithDevices(disks);
        Assert.That(domain.AddLunDisk("/dev/sdb").Target!.Dev, Is.EqualTo("sdaa"));
        Assert.That(domain.AddLunDisk("/dev/sdc").Target!.Dev, Is.EqualTo("sdab"));
    }

    [Test]
    public void AddLunDisk_takes_the_lowest_unit_free_on_bus_0_target_0_of_the_virtio_scsi_controller()
    {
        var domain = DeviceXml.WithDevices("""
            <disk type='block' device='lun'>
              <source dev='/dev/sdb'/>
              <target dev='sda' bus='scsi'/>
              <address type='drive' controller='1' bus='0' target='0' unit='0'/>
            </disk>
            <disk type='block' device='lun'>
              <source dev='/dev/sdc'/>
              <target dev='sdb' bus='scsi'/>
              <address type='drive' controller='1' bus='0' target='0' unit='2'/>
            </disk>
            <disk type='block' device='lun'>
              <source dev='/dev/sdd'/>
              <target dev='sdc' bus='scsi'/>
              <address type='drive' controller='1' bus='0' target='1' unit='1'/>
            </disk>
            <disk type='block' device='lun'>
              <source dev='/dev/sde'/>
              <target dev='sdd' bus='scsi'/>
              <address type='drive' controller='0' bus='0' target='0' unit='1'/>
            </disk>
            <disk type='file' device='cdrom'>
              <target dev='sde' bus='sata'/>
              <address type='drive' controller='1' bus='0' target='0' unit='1'/>
            </disk>
            <controller type='scsi' index='0' model='lsilogic'/>
            <controller type='scsi' index='1' model='virtio-scsi'/>
            """);
        var disk = domain.AddLunDisk("/dev/sdf");
        Assert.That((disk.Address!.Controller, disk.Address.Bus, disk.Address.Target, disk.Address.Unit), Is.EqualTo(((int?)1, (int?)0, (int?)0, (int?)1)));
        Assert.That(domain.AddLunDisk("/dev/sdg").Address!.Unit, Is.EqualTo(3));
    }

    [Test]
    public void AddLunDisk_counts_scsi_hostdevs_and_the_default_address_of_address_less_scsi_disks()
    {
        var domain = DeviceXml.WithDevices("""
            <disk type='block' device='lun'>
              <source dev='/dev/sdb'/>
              <target dev='sda'/>
            </disk>
            <disk type='block' device='disk'>
              <source dev='/dev/sdc'/>
              <target dev='sdh' bus='scsi'/>
            </disk>
            <controller type='scsi' index='0' model='virtio-scsi'/>
            <hostdev mode='subsystem' type='scsi'>
              <source>
                <adapter name='scsi_host0'/>
                <address bus='0' target='0' unit='0'/>
              </source>
              <address type='drive' controller='0' bus='0' target='0' unit='1'/>
            </hostdev>
            """);
        var units = Enumerable.Range(0, 8).Select(i => domain.AddLunDisk("/dev/x" + i.ToString(CultureInfo.InvariantCulture)).Address!.Unit).ToList();
        Assert.That(units, Is.EqualTo(new int?[] { 2, 3, 4, 5, 6, 7, 9, 10 }), "sda takes unit 0 and sdh (index 7) unit 8, as libvirt assigns them");
    }

    [Test]
    public void AddLunDisk_fails_when_every_unit_is_taken_and_changes_nothing()
    {
        var devices = new StringBuilder("<controller type='scsi' index='0' model='virtio-scsi'/>");
        for (var unit = 0; unit <= DomainXml.MaxVirtioScsiUnit; unit++)
        {
            devices.Append(CultureInfo.InvariantCulture, $"\n<hostdev mode='subsystem' type='scsi'><address type='drive' controller='0' bus='0' target='0' unit='{unit}'/></hostdev>");
        }

        var domain = DeviceXml.WithDevices(devices.ToString());
        var before = domain.ToXmlString();
        Assert.That(() => domain.AddLunDisk("/dev/sdb"), Throws.InvalidOperationException.With.Message.Contains("16383"));
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void A_malformed_scsi_address_fails_the_edit_naming_it_and_changes_nothing()
    {
        var domain = DeviceXml.WithDevices("<controller type='scsi' index='one' model='virtio-scsi'/>");
        var before = domain.ToXmlString();
        Assert.That(() => domain.AddLunDisk("/dev/sdb"), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("index").And.Message.Contains("one"));
        Assert.That(() => domain.EnsureVirtioScsiController(), Throws.TypeOf<LibvirtXmlValueException>());
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void AddLunDisk_adds_the_controller_on_a_domain_without_devices()
    {
        var domain = DomainXml.Parse("<domain type='kvm'>\n  <name>x</name>\n</domain>\n");
        domain.AddLunDisk("/dev/sdb");
        Assert.That(domain.ToXmlString(), Is.EqualTo("""
            <domain type='kvm'>
              <name>x</name>
              <devices>
                <controller type='scsi' index='0' model='virtio-scsi'/>
                <disk type='block' device='lun'>
                  <driver name='qemu' type='raw' cache='none'/>
                  <source dev='/dev/sdb'/>
                  <target dev='sda' bus='scsi'/>
                  <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                </disk>
              </devices>
            </domain>

            """));
    }

    [Test]
    public void AddBlockDisk_adds_a_virtio_disk_to_the_L1_guest()
    {
        var domain = DeviceXml.L1Guest();
        var disk = domain.AddBlockDisk("/dev/sda2");
        Assert.That(disk.Target!.Dev, Is.EqualTo("vdb"));
        Assert.That(disk.Address, Is.Null);
        Assert.That(domain.AddBlockDisk("/dev/sda2").Element, Is.SameAs(disk.Element));
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void AddBlockDisk_on_the_scsi_bus_uses_the_virtio_scsi_controller()
    {
        var domain = DeviceXml.L1Guest();
        var disk = domain.AddBlockDisk("/dev/sdc", DomainDiskBus.Scsi);
        Assert.That((disk.Device, disk.Target!.Dev, disk.Target.Bus, disk.Address!.Type?.Value, disk.Address.Unit), Is.EqualTo(((DomainDiskDevice?)DomainDiskDevice.Disk, "sdb", (DomainDiskBus?)DomainDiskBus.Scsi, "drive", (int?)0)));
        Assert.That(domain.Devices.Controllers.Count(c => c.Model == DomainControllerModel.VirtioScsi), Is.EqualTo(1));
    }

    [Test]
    public void AddFileDisk_adds_qcow2_on_virtio_by_default_and_is_idempotent()
    {
        var domain = DeviceXml.L1Guest();
        var disk = domain.AddFileDisk("/var/lib/libvirt/images/data.qcow2");
        var raw = domain.AddFileDisk("/var/lib/libvirt/images/data.raw", "raw", DomainDiskBus.Sata);
        Assert.That((disk.Type, disk.Driver!.Type, disk.Target!.Dev), Is.EqualTo(((DomainDiskType?)DomainDiskType.File, "qcow2", "vdb")));
        Assert.That((raw.Driver!.Type, raw.Target!.Dev, raw.Target.Bus), Is.EqualTo(("raw", "sdb", (DomainDiskBus?)DomainDiskBus.Sata)));
        Assert.That(domain.AddFileDisk("/var/lib/libvirt/images/data.qcow2").Element, Is.SameAs(disk.Element));
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void AddCdrom_adds_a_read_only_sata_cdrom_and_is_idempotent()
    {
        var domain = DeviceXml.L1Guest();
        var cdrom = domain.AddCdrom("/var/lib/libvirt/images/debian-12.iso");
        Assert.That((cdrom.Device, cdrom.ReadOnly, cdrom.Target!.Dev, cdrom.Target.Bus), Is.EqualTo(((DomainDiskDevice?)DomainDiskDevice.Cdrom, true, "sdb", (DomainDiskBus?)DomainDiskBus.Sata)));
        Assert.That(domain.AddCdrom("/var/lib/libvirt/images/debian-12.iso").Element, Is.SameAs(cdrom.Element));
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void Disk_edits_refuse_bad_arguments_and_change_nothing()
    {
        var domain = DeviceXml.L1Guest();
        var before = domain.ToXmlString();
        Assert.Multiple(() =>
        {
            Assert.That(() => domain.AddBlockDisk("sda2"), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'sda2'").And.Property("ParameterName").EqualTo("devicePath"));
            Assert.That(() => domain.AddBlockDisk("/dev/sda2", new DomainDiskBus("warp")), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'warp'").And.Property("ParameterName").EqualTo("bus"));
            Assert.That(() => domain.AddBlockDisk("/dev/sda2", targetDev: "vda"), Throws.ArgumentException.With.Message.Contains("'vda'"));
            Assert.That(() => domain.AddBlockDisk(null!), Throws.ArgumentNullException);
            Assert.That(() => domain.AddFileDisk("images/a.qcow2"), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'images/a.qcow2'"));
            Assert.That(() => domain.AddFileDisk("/a.qcow2", ""), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("format"));
            Assert.That(() => domain.AddFileDisk("", "raw"), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("path"));
            Assert.That(() => domain.AddCdrom("debian.iso"), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'debian.iso'"));
            Assert.That(() => domain.AddCdrom("/debian.iso", new DomainDiskBus("virtio-9p")), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'virtio-9p'"));
        });
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void AddNetworkInterface_adds_a_virtio_nic_after_the_existing_one()
    {
        var domain = DeviceXml.L1Guest();
        var nic = domain.AddNetworkInterface("nested-bridge");
        Assert.That((nic.Type, nic.Source!.Network, nic.Model, nic.Mac), Is.EqualTo(((DomainInterfaceType?)DomainInterfaceType.Network, "nested-bridge", "virtio", (string?)null)));
        Assert.That(domain.Devices.Interfaces[1].Element, Is.SameAs(nic.Element));
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void AddNetworkInterface_writes_a_given_mac_and_model()
    {
        var domain = DeviceXml.WithDevices("<emulator>/usr/bin/qemu-system-x86_64</emulator>");
        domain.AddNetworkInterface("default", "e1000e", "52:54:00:AB:cd:01");
        Assert.That(domain.ToXmlString(), Is.EqualTo(DeviceXml.WithDevices("""
            <emulator>/usr/bin/qemu-system-x86_64</emulator>
            <interface type='network'>
              <mac address='52:54:00:AB:cd:01'/>
              <source network='default'/>
              <model type='e1000e'/>
            </interface>
            """).ToXmlString()));
    }

    [TestCase("52:54:00:12:34", "six hexadecimal pairs", typeof(LibvirtXmlValueException))]
    [TestCase("52-54-00-12-34-56", "six hexadecimal pairs", typeof(LibvirtXmlValueException))]
    [TestCase("52:54:00:12:34:zz", "six hexadecimal pairs", typeof(LibvirtXmlValueException))]
    [TestCase("52:54:00:12:34:56\n", "line feed", typeof(LibvirtXmlValueException))]
    [TestCase("01:00:5e:00:00:01", "multicast", typeof(LibvirtXmlValueException))]
    [TestCase("52:54:00:3B:8E:01", "already used", typeof(ArgumentException))]
    public void AddNetworkInterface_refuses_a_bad_mac_and_changes_nothing(string mac, string message, Type exception)
    {
        var domain = DeviceXml.L1Guest();
        var before = domain.ToXmlString();
        Assert.That(() => domain.AddNetworkInterface("default", macAddress: mac), Throws.TypeOf(exception).With.Message.Contains(message).And.Message.Contains($"'{LibvirtXmlValueException.Display(mac)}'"));
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void AddNetworkInterface_refuses_empty_names()
    {
        var domain = DeviceXml.L1Guest();
        Assert.That(() => domain.AddNetworkInterface(""), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("networkName"));
        Assert.That(() => domain.AddNetworkInterface(null!), Throws.ArgumentNullException);
        Assert.That(() => domain.AddNetworkInterface("default", " "), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("model"));
    }

    [Test]
    public void The_three_walkthrough_edits_together_validate()
    {
        var domain = DeviceXml.L1Guest();
        domain.EnsureVirtioScsiController();
        domain.AddLunDisk("/dev/sdb");
        domain.AddNetworkInterface("nested-bridge");
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }
}
