using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>
/// A SCSI LUN passed through from a real block device (a loop device). This kernel has no SCSI, so a guest with a
/// LUN cannot start: the disk is defined on the real qemu driver and read back.
/// </summary>
[DependsOnFixture(typeof(DomainLifecycleTests), AllowFailure = true)]
public class LunDiskTests
{
    [Test]
    public void Lun_on_a_loop_device_is_defined_with_validation_and_read_back_on_the_virtio_scsi_controller()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var loop = cleanup.LoopDevice();
        var definition = Guests.Minimal(Daemon.UniqueName("lun"), Daemon.GuestType);
        definition.AddLunDisk(loop);

        var domain = cleanup.Track(connection.DefineDomain(definition));

        var stored = domain.GetInactiveXml();
        var disk = stored.Devices.Disks.Single();
        var controller = stored.Devices.Controllers.Single(c => c.Type?.Value == "scsi");
        Assert.That(disk.Device?.Value, Is.EqualTo("lun"));
        Assert.That(disk.Type?.Value, Is.EqualTo("block"));
        Assert.That(disk.Source?.Dev, Is.EqualTo(loop));
        Assert.That(disk.Target?.Bus?.Value, Is.EqualTo("scsi"));
        Assert.That(disk.Target?.Dev, Is.EqualTo("sda"));
        Assert.That(controller.Model?.Value, Is.EqualTo("virtio-scsi"));
        Assert.That(disk.Address?.Type?.Value, Is.EqualTo("drive"));
        Assert.That((disk.Address?.Controller, disk.Address?.Bus, disk.Address?.Target, disk.Address?.Unit), Is.EqualTo((controller.Index, 0, 0, 0)));
    }

    [Test]
    public void Second_lun_takes_the_next_unit_and_the_same_device_is_not_added_twice()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var first = cleanup.LoopDevice();
        var second = cleanup.LoopDevice();
        var definition = Guests.Minimal(Daemon.UniqueName("luns"), Daemon.GuestType);
        definition.AddLunDisk(first);
        definition.AddLunDisk(second);
        definition.AddLunDisk(first);

        var domain = cleanup.Track(connection.DefineDomain(definition));

        var disks = domain.GetInactiveXml().Devices.Disks;
        Assert.That(disks.Select(d => (d.Source?.Dev, d.Target?.Dev, d.Address?.Unit)), Is.EqualTo(new[] { (first, "sda", 0), (second, "sdb", 1) }));
    }
}
