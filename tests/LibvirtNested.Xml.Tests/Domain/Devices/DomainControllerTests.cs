using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainControllerTests
{
    [Test]
    public void Reads_type_index_model_queues_and_address()
    {
        var controller = DeviceXml.Single<DomainController>("""
            <controller type='scsi' index='2' model='virtio-scsi'>
              <driver queues='4' iothread='1'/>
              <address type='pci' domain='0x0000' bus='0x07' slot='0x00' function='0x0'/>
            </controller>
            """);
        Assert.Multiple(() =>
        {
            Assert.That(controller.Type, Is.EqualTo(DomainControllerType.Scsi));
            Assert.That(controller.Index, Is.EqualTo(2));
            Assert.That(controller.Model, Is.EqualTo(DomainControllerModel.VirtioScsi));
            Assert.That(controller.Queues, Is.EqualTo(4));
            Assert.That(controller.Address!.Bus, Is.EqualTo(7));
        });
    }

    [Test]
    public void Missing_attributes_read_as_null()
    {
        var controller = DeviceXml.Single<DomainController>("<controller type='usb'/>");
        Assert.That((controller.Index, controller.Model, controller.Queues, controller.Address), Is.EqualTo(((int?)null, (DomainControllerModel?)null, (int?)null, (DomainAddress?)null)));
    }

    [Test]
    public void Queues_adds_the_driver_and_null_restores_the_original()
    {
        var domain = DeviceXml.WithDevices("<controller type='scsi' index='0' model='virtio-scsi'/>");
        var controller = domain.Devices.Controllers.Single();
        controller.Queues = 8;
        Assert.That(domain.ToXmlString(), Does.Contain("<controller type='scsi' index='0' model='virtio-scsi'>\n      <driver queues='8'/>\n    </controller>"));
        controller.Queues = null;
        Assert.That(domain.ToXmlString(), Is.EqualTo(DeviceXml.WithDevices("<controller type='scsi' index='0' model='virtio-scsi'/>").ToXmlString()));
    }

    [Test]
    public void Queues_null_keeps_a_driver_with_other_attributes()
    {
        var domain = DeviceXml.WithDevices("<controller type='scsi'>\n  <driver queues='4' iothread='1'/>\n</controller>");
        domain.Devices.Controllers.Single().Queues = null;
        Assert.That(domain.ToXmlString(), Does.Contain("<driver iothread='1'/>"));
    }

    [Test]
    public void Writes_and_round_trips_unknown_values()
    {
        var domain = DeviceXml.WithDevices("<controller type='warp' model='future-9000'/>");
        var controller = domain.Devices.Controllers.Single();
        Assert.That((controller.Type!.Value.Value, controller.Model!.Value.Value), Is.EqualTo(("warp", "future-9000")));
        controller.Index = 3;
        controller.Model = DomainControllerModel.Lsilogic;
        controller.Type = DomainControllerType.Scsi;
        Assert.That(domain.ToXmlString(), Does.Contain("<controller type='scsi' model='lsilogic' index='3'/>"));
        controller.Model = null;
        Assert.That(domain.ToXmlString(), Does.Contain("<controller type='scsi' index='3'/>"));
    }
}
