using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainDiskTargetNameTests
{
    [TestCase("sda", 0)]
    [TestCase("sdz", 25)]
    [TestCase("sdaa", 26)]
    [TestCase("sdab", 27)]
    [TestCase("sdaz", 51)]
    [TestCase("sdba", 52)]
    [TestCase("sdzz", 701)]
    [TestCase("sdaaa", 702)]
    [TestCase("sdb1", 1)]
    public void Index_and_name_match_libvirt(string name, int index)
    {
        Assert.That(DomainDiskTargetName.ToIndex(name, "sd"), Is.EqualTo(index));
        if (!name.EndsWith('1'))
        {
            Assert.That(DomainDiskTargetName.FromIndex(index, "sd"), Is.EqualTo(name));
        }
    }

    [Test]
    public void Every_index_round_trips_through_its_name()
    {
        for (var i = 0; i < 20000; i++)
        {
            Assert.That(DomainDiskTargetName.ToIndex(DomainDiskTargetName.FromIndex(i, "vd"), "vd"), Is.EqualTo(i));
        }
    }

    [TestCase("sd")]
    [TestCase("sdA")]
    [TestCase("sd1")]
    [TestCase("sda_b")]
    [TestCase("vda")]
    [TestCase("xsda")]
    public void Names_of_another_form_have_no_index(string name) =>
        Assert.That(DomainDiskTargetName.ToIndex(name, "sd"), Is.Null);

    [Test]
    public void First_free_reuses_gaps_and_ignores_other_prefixes()
    {
        Assert.That(DomainDiskTargetName.FirstFree([], "sd"), Is.EqualTo("sda"));
        Assert.That(DomainDiskTargetName.FirstFree(["sda", "sdc", "vdb", "hdb"], "sd"), Is.EqualTo("sdb"));
        Assert.That(DomainDiskTargetName.FirstFree(["sda", "sdb", "xvda"], "vd"), Is.EqualTo("vda"));
        var all = Enumerable.Range(0, 26).Select(i => DomainDiskTargetName.FromIndex(i, "sd")).ToList();
        Assert.That(DomainDiskTargetName.FirstFree(all, "sd"), Is.EqualTo("sdaa"));
        Assert.That(DomainDiskTargetName.FirstFree([.. all, "sdaa"], "sd"), Is.EqualTo("sdab"));
    }

    [TestCase("virtio", "vd")]
    [TestCase("scsi", "sd")]
    [TestCase("sata", "sd")]
    [TestCase("usb", "sd")]
    [TestCase("ide", "hd")]
    [TestCase("fdc", "fd")]
    [TestCase("xen", "xvd")]
    public void Prefix_per_bus(string bus, string prefix) => Assert.That(DomainDiskTargetName.PrefixFor(bus), Is.EqualTo(prefix));

    [Test]
    public void Unknown_bus_has_no_prefix() =>
        Assert.That(() => DomainDiskTargetName.PrefixFor("warp"), Throws.ArgumentException.With.Message.Contains("'warp'"));

    [TestCase("hdc", "ide")]
    [TestCase("sdb", "scsi")]
    [TestCase("vdz", "virtio")]
    [TestCase("xvda", "xen")]
    [TestCase("fda", "fdc")]
    [TestCase("ubda", "uml")]
    [TestCase("mmcblk0", null)]
    public void Default_bus_from_the_name(string name, string? bus) => Assert.That(DomainDiskTargetName.DefaultBusOf(name), Is.EqualTo(bus));

    [Test]
    public void Negative_index_is_refused() =>
        Assert.That(() => DomainDiskTargetName.FromIndex(-1, "sd"), Throws.TypeOf<ArgumentOutOfRangeException>());
}
