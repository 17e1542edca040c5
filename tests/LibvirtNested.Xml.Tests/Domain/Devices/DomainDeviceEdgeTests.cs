using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

/// <summary>
/// Edges of the device edit engine that mutation testing found untested: null arguments, the cached typed lists
/// that <see cref="DomainDeviceList.OfType{T}"/> hands out, and when clearing a child's last attribute removes the child.
/// </summary>
[TestFixture]
public sealed class DomainDeviceEdgeTests
{
    [Test]
    public void OfType_of_a_typed_kind_is_the_cached_typed_list_so_repeated_reads_do_not_allocate()
    {
        var devices = DeviceXml.L1Guest().Devices;
        Assert.Multiple(() =>
        {
            Assert.That(devices.OfType<DomainDisk>(), Is.SameAs(devices.Disks));
            Assert.That(devices.OfType<DomainController>(), Is.SameAs(devices.Controllers));
            Assert.That(devices.OfType<DomainInterface>(), Is.SameAs(devices.Interfaces));
            Assert.That(devices.OfType<DomainHostdev>(), Is.SameAs(devices.Hostdevs));
            var first = devices.OfType<DomainDisk>();
            Assert.That(devices.OfType<DomainDisk>(), Is.SameAs(first));
        });
    }

    [Test]
    public void Null_arguments_are_refused_by_name()
    {
        var domain = DeviceXml.L1Guest();
        var address = domain.Devices.Disks[0].GetOrAddAddress();
        Assert.Multiple(() =>
        {
            Assert.That(() => domain.Devices.Add<DomainDisk>(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("device"));
            Assert.That(() => domain.Devices.Add((XElement)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("element"));
            Assert.That(() => domain.Devices.Remove(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("device"));
            Assert.That(() => DomainDevice.From(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("element"));
            Assert.That(() => address.Get(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("name"));
            Assert.That(() => domain.Devices.Disks[0].GetOrAddSource().AddHost(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("name"));
            Assert.That(() => domain.Devices.Disks[0].GetOrAddSource().AddHost(string.Empty), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
        });
    }

    [TestCase("<driver queues='4'/>", null, TestName = "Only the attribute: the child goes")]
    [TestCase("<driver queues='4'>\n    </driver>", null, TestName = "Whitespace only inside: the child goes")]
    [TestCase("<driver queues='4' iothread='1'/>", "<driver iothread=\"1\" />", TestName = "Another attribute: the child stays")]
    [TestCase("<driver queues='4'><queue n='1'/></driver>", "<driver><queue n=\"1\" /></driver>", TestName = "A child element: the child stays")]
    [TestCase("<driver queues='4'><!-- tuned --></driver>", "<driver><!-- tuned --></driver>", TestName = "A comment: the child stays")]
    [TestCase("<driver queues='4'>text</driver>", "<driver>text</driver>", TestName = "Text: the child stays")]
    public void Clearing_the_last_attribute_removes_a_child_only_when_nothing_else_is_in_it(string driver, string? expected)
    {
        var domain = DeviceXml.WithDevices($"<controller type='scsi'>\n  {driver}\n</controller>");
        var controller = domain.Devices.Controllers.Single();
        controller.Queues = null;
        Assert.That(controller.Element.Element("driver")?.ToString(SaveOptions.DisableFormatting), Is.EqualTo(expected));
        Assert.That(controller.Queues, Is.Null);
    }
}
