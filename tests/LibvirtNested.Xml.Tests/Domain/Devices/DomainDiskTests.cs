using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainDiskTests
{
    private const string Lun = """
        <disk type='block' device='lun' sgio='unfiltered' rawio='yes'>
          <driver name='qemu' type='raw' cache='none' io='native' discard='unmap'/>
          <source dev='/dev/sdb'/>
          <target dev='sdc' bus='scsi'/>
          <readonly/>
          <shareable/>
          <serial>WD-123</serial>
          <wwn>5000c500a1b2c3d4</wwn>
          <boot order='2'/>
          <alias name='ua-lun'/>
          <address type='drive' controller='1' bus='0' target='2' unit='3'/>
        </disk>
        """;

    [Test]
    public void Reads_every_property_of_a_lun_disk()
    {
        var disk = DeviceXml.Single<DomainDisk>(Lun);
        Assert.Multiple(() =>
        {
            Assert.That(disk.Kind, Is.EqualTo("disk"));
            Assert.That(disk.Type, Is.EqualTo(DomainDiskType.Block));
            Assert.That(disk.Device, Is.EqualTo(DomainDiskDevice.Lun));
            Assert.That(disk.Sgio, Is.EqualTo(DomainDiskSgio.Unfiltered));
            Assert.That(disk.Rawio, Is.True);
            Assert.That(disk.Driver!.Name, Is.EqualTo("qemu"));
            Assert.That(disk.Driver.Type, Is.EqualTo("raw"));
            Assert.That(disk.Driver.Cache, Is.EqualTo("none"));
            Assert.That(disk.Driver.Io, Is.EqualTo("native"));
            Assert.That(disk.Driver.Discard, Is.EqualTo("unmap"));
            Assert.That(disk.Source!.Dev, Is.EqualTo("/dev/sdb"));
            Assert.That(disk.Source.File, Is.Null);
            Assert.That(disk.Target!.Dev, Is.EqualTo("sdc"));
            Assert.That(disk.Target.Bus, Is.EqualTo(DomainDiskBus.Scsi));
            Assert.That(disk.ReadOnly, Is.True);
            Assert.That(disk.Shareable, Is.True);
            Assert.That(disk.Serial, Is.EqualTo("WD-123"));
            Assert.That(disk.Wwn, Is.EqualTo("5000c500a1b2c3d4"));
            Assert.That(disk.BootOrder, Is.EqualTo(2));
            Assert.That(disk.Alias, Is.EqualTo("ua-lun"));
            Assert.That(disk.Address!.Type, Is.EqualTo(DomainAddressType.Drive));
            Assert.That((disk.Address.Controller, disk.Address.Bus, disk.Address.Target, disk.Address.Unit), Is.EqualTo((1, 0, 2, 3)));
        });
    }

    [Test]
    public void Missing_parts_read_as_null_or_false()
    {
        var disk = DeviceXml.Single<DomainDisk>("<disk type='file'/>");
        Assert.Multiple(() =>
        {
            Assert.That(disk.Device, Is.Null);
            Assert.That(disk.Sgio, Is.Null);
            Assert.That(disk.Rawio, Is.Null);
            Assert.That(disk.Driver, Is.Null);
            Assert.That(disk.Source, Is.Null);
            Assert.That(disk.Target, Is.Null);
            Assert.That(disk.ReadOnly, Is.False);
            Assert.That(disk.Shareable, Is.False);
            Assert.That(disk.Serial, Is.Null);
            Assert.That(disk.Wwn, Is.Null);
            Assert.That(disk.BootOrder, Is.Null);
            Assert.That(disk.Alias, Is.Null);
            Assert.That(disk.Address, Is.Null);
        });
    }

    [Test]
    public void Setting_null_or_false_removes_exactly_the_owned_nodes()
    {
        var domain = DeviceXml.WithDevices(Lun);
        var disk = domain.Devices.Disks.Single();
        disk.Sgio = null;
        disk.Rawio = null;
        disk.ReadOnly = false;
        disk.Shareable = false;
        disk.Serial = null;
        disk.Wwn = null;
        disk.BootOrder = null;
        disk.Alias = null;
        disk.Driver!.Io = null;
        disk.Driver.Discard = null;
        disk.RemoveAddress();
        Assert.That(domain.ToXmlString(), Is.EqualTo(DeviceXml.WithDevices("""
            <disk type='block' device='lun'>
              <driver name='qemu' type='raw' cache='none'/>
              <source dev='/dev/sdb'/>
              <target dev='sdc' bus='scsi'/>
            </disk>
            """).ToXmlString()));
    }

    [Test]
    public void Writes_properties_and_adds_missing_elements_indented()
    {
        var domain = DeviceXml.WithDevices("<disk type='file'>\n</disk>");
        var disk = domain.Devices.Disks.Single();
        disk.Device = DomainDiskDevice.Cdrom;
        disk.GetOrAddDriver().Name = "qemu";
        disk.GetOrAddSource().File = "/isos/debian.iso";
        disk.GetOrAddTarget().Dev = "sda";
        disk.GetOrAddTarget().Bus = DomainDiskBus.Sata;
        disk.ReadOnly = true;
        disk.ReadOnly = true;
        disk.BootOrder = 1;
        disk.Alias = "ua-cd";
        Assert.That(domain.ToXmlString(), Is.EqualTo(DeviceXml.WithDevices("""
            <disk type='file' device='cdrom'>
              <driver name='qemu'/>
              <source file='/isos/debian.iso'/>
              <target dev='sda' bus='sata'/>
              <readonly/>
              <boot order='1'/>
              <alias name='ua-cd'/>
            </disk>
            """).ToXmlString()));
    }

    [Test]
    public void Unknown_values_round_trip()
    {
        var domain = DeviceXml.WithDevices("<disk type='quantum' device='hologram' sgio='maybe'>\n  <target dev='qda' bus='warp'/>\n</disk>");
        var disk = domain.Devices.Disks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(disk.Type!.Value.Value, Is.EqualTo("quantum"));
            Assert.That(disk.Device!.Value.ToString(), Is.EqualTo("hologram"));
            Assert.That(disk.Sgio!.Value.Value, Is.EqualTo("maybe"));
            Assert.That(disk.Target!.Bus!.Value.Value, Is.EqualTo("warp"));
        });

        disk.Type = disk.Type;
        disk.Target!.Bus = disk.Target.Bus;
        Assert.That(domain.ToXmlString(), Does.Contain("<disk type='quantum' device='hologram' sgio='maybe'>").And.Contain("<target dev='qda' bus='warp'/>"));
    }

    [Test]
    public void Network_source_lists_and_adds_hosts()
    {
        var domain = DeviceXml.WithDevices("""
            <disk type='network' device='disk'>
              <source protocol='rbd' name='pool/image'>
                <host name='mon1' port='6789'/>
                <host name='mon2' port='6789' transport='tcp'/>
              </source>
              <target dev='vda' bus='virtio'/>
            </disk>
            """);
        var source = domain.Devices.Disks.Single().Source!;
        Assert.That(source.Protocol, Is.EqualTo("rbd"));
        Assert.That(source.Name, Is.EqualTo("pool/image"));
        Assert.That(source.Hosts.Select(h => (h.Name, h.Port, h.Transport)), Is.EqualTo(new[] { ("mon1", (int?)6789, (string?)null), ("mon2", 6789, "tcp") }));
        source.AddHost("mon3", 6790, "tcp");
        Assert.That(domain.ToXmlString(), Does.Contain("<host name='mon2' port='6789' transport='tcp'/>\n        <host name='mon3' port='6790' transport='tcp'/>\n      </source>"));
    }

    [Test]
    public void Volume_and_dir_sources_read()
    {
        var domain = DeviceXml.WithDevices("<disk type='volume'><source pool='default' volume='v1'/></disk>\n<disk type='dir'><source dir='/srv/fat'/></disk>");
        var disks = domain.Devices.Disks;
        Assert.That((disks[0].Source!.Pool, disks[0].Source!.Volume, disks[1].Source!.Dir), Is.EqualTo(("default", "v1", "/srv/fat")));
    }

    [Test]
    public void Malformed_numbers_and_booleans_throw_naming_the_place()
    {
        var disk = DeviceXml.Single<DomainDisk>("<disk type='block' rawio='perhaps'>\n  <boot order='first'/>\n</disk>");
        Assert.That(() => disk.Rawio, Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("rawio").And.Message.Contains("perhaps"));
        Assert.That(() => disk.BootOrder, Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("order").And.Message.Contains("first"));
        Assert.That(() => disk.BootOrder = 0, Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Constructor_refuses_other_elements()
    {
        Assert.That(() => new DomainDisk(new XElement("interface")), Throws.ArgumentException.With.Message.Contains("<interface>"));
    }
}
