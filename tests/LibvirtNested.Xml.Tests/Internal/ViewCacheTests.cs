using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Tests.Domain.Devices;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Internal;

/// <summary>
/// Typed getters reuse the views they returned before; these tests pin that a reused view is only ever the one the
/// tree asks for now: edits, replacements, removals and renames made through LINQ to XML show in the next read.
/// </summary>
[TestFixture]
public sealed class ViewCacheTests
{
    private const string Guest = """
        <domain type='kvm'>
          <name>l1</name>
          <memory unit='KiB'>1048576</memory>
          <vcpu>2</vcpu>
          <cpu mode='host-model'/>
          <devices>
            <disk type='file' device='disk'>
              <source file='/var/lib/libvirt/images/a.qcow2'/>
              <target dev='vda' bus='virtio'/>
            </disk>
            <controller type='scsi' index='0' model='virtio-scsi'/>
            <disk type='block' device='lun'>
              <source dev='/dev/sdb'/>
              <target dev='sda' bus='scsi'/>
              <address type='drive' controller='0' bus='0' target='0' unit='0'/>
            </disk>
          </devices>
        </domain>
        """;

    [Test]
    public void Repeated_reads_of_an_unchanged_tree_return_the_same_views_and_lists()
    {
        var domain = DomainXml.Parse(Guest);
        var first = (domain.Cpu, domain.Vcpu, domain.Devices, domain.Devices.Disks, domain.Devices.Disks[0].Target, domain.Devices.Disks[1].Address, domain.Devices[1]);
        var second = (domain.Cpu, domain.Vcpu, domain.Devices, domain.Devices.Disks, domain.Devices.Disks[0].Target, domain.Devices.Disks[1].Address, domain.Devices[1]);
        Assert.Multiple(() =>
        {
            Assert.That(second.Cpu, Is.SameAs(first.Cpu));
            Assert.That(second.Vcpu, Is.SameAs(first.Vcpu));
            Assert.That(second.Devices, Is.SameAs(first.Devices));
            Assert.That(second.Disks, Is.SameAs(first.Disks));
            Assert.That(second.Target, Is.SameAs(first.Target));
            Assert.That(second.Address, Is.SameAs(first.Address));
            Assert.That(second.Item7, Is.SameAs(first.Item7));
            Assert.That(domain.Devices.OfType<DomainDisk>(), Is.SameAs(first.Disks));
        });
    }

    [Test]
    public void Values_changed_through_the_tree_show_in_a_cached_view()
    {
        var domain = DomainXml.Parse(Guest);
        var cpu = domain.Cpu!;
        var target = domain.Devices.Disks[0].Target!;
        _ = (domain.Name, domain.MemoryBytes, domain.Vcpu!.Count);

        cpu.Element.SetAttributeValue("mode", "host-passthrough");
        target.Element.SetAttributeValue("dev", "vdb");
        domain.Element.Element("name")!.Value = "renamed";
        domain.Element.Element("memory")!.SetAttributeValue("unit", "GiB");
        domain.Element.Element("vcpu")!.ReplaceNodes(new XText("4"), new XComment("was 2"));

        Assert.Multiple(() =>
        {
            Assert.That(domain.Cpu!.Mode, Is.EqualTo(DomainCpuMode.HostPassthrough));
            Assert.That(domain.Devices.Disks[0].Target!.Dev, Is.EqualTo("vdb"));
            Assert.That(domain.Name, Is.EqualTo("renamed"));
            Assert.That(domain.MemoryBytes, Is.EqualTo(1048576UL << 30));
            Assert.That(domain.Vcpu!.Count, Is.EqualTo(4));
        });
    }

    [Test]
    public void A_replaced_element_gets_a_view_over_the_new_element()
    {
        var domain = DomainXml.Parse(Guest);
        var oldCpu = domain.Cpu!;
        var oldTarget = domain.Devices.Disks[0].Target!;
        var oldDisks = domain.Devices.Disks;

        var newCpu = new XElement("cpu", new XAttribute("mode", "maximum"));
        oldCpu.Element.ReplaceWith(newCpu);
        var newTarget = new XElement("target", new XAttribute("dev", "vdz"));
        oldTarget.Element.ReplaceWith(newTarget);
        var newDisk = new XElement("disk", new XAttribute("type", "file"), new XElement("target", new XAttribute("dev", "vdc")));
        oldDisks[1].Element.ReplaceWith(newDisk);

        Assert.Multiple(() =>
        {
            Assert.That(domain.Cpu!.Element, Is.SameAs(newCpu));
            Assert.That(domain.Cpu!.Mode, Is.EqualTo(DomainCpuMode.Maximum));
            Assert.That(domain.Devices.Disks[0].Target!.Element, Is.SameAs(newTarget));
            Assert.That(domain.Devices.Disks.Select(d => d.Element), Is.EqualTo(new[] { oldDisks[0].Element, newDisk }));
            Assert.That(domain.Devices.Disks[0], Is.SameAs(oldDisks[0]), "the disk that stayed keeps its view");
            Assert.That(domain.Devices.Disks[1].Target!.Dev, Is.EqualTo("vdc"));
            Assert.That(oldDisks.Select(d => d.Element), Is.EqualTo(new[] { oldDisks[0].Element, oldDisks[1].Element }), "a list once returned does not change");
        });
    }

    [Test]
    public void A_removed_element_view_is_never_returned_again()
    {
        var domain = DomainXml.Parse(Guest);
        var cpu = domain.Cpu!;
        var lun = domain.Devices.Disks[1];
        var address = lun.Address!;
        var controller = domain.Devices.Controllers.Single();

        cpu.Element.Remove();
        address.Element.Remove();
        controller.Element.Remove();
        var firstDisk = domain.Devices.Disks[0].Element;
        firstDisk.Remove();

        Assert.Multiple(() =>
        {
            Assert.That(domain.Cpu, Is.Null);
            Assert.That(lun.Address, Is.Null);
            Assert.That(domain.Devices.Controllers, Is.Empty);
            Assert.That(domain.Devices.Disks.Select(d => d.Element), Is.EqualTo(new[] { lun.Element }));
            Assert.That(domain.Devices.Select(d => d.Element), Is.EqualTo(new[] { lun.Element }));
            Assert.That(domain.Devices, Has.Count.EqualTo(1));
        });

        // A new element in the same place is a new view, not the removed one's.
        domain.Element.Element("vcpu")!.AddAfterSelf(new XElement("cpu", new XAttribute("mode", "custom")));
        Assert.That(domain.Cpu, Is.Not.SameAs(cpu));
        Assert.That(domain.Cpu!.Mode, Is.EqualTo(DomainCpuMode.Custom));
    }

    [Test]
    public void Elements_added_through_the_tree_show_in_cached_lists_in_document_order()
    {
        var domain = DomainXml.Parse(Guest);
        var disks = domain.Devices.Disks;
        var all = domain.Devices.ToList();

        var cdrom = new XElement("disk", new XAttribute("device", "cdrom"));
        domain.Devices.Element!.AddFirst(cdrom);
        domain.Devices.Element!.Add(new XElement("interface", new XAttribute("type", "network")));

        Assert.Multiple(() =>
        {
            Assert.That(domain.Devices.Disks.Select(d => d.Element), Is.EqualTo(new[] { cdrom, disks[0].Element, disks[1].Element }));
            Assert.That(domain.Devices.Interfaces, Has.Count.EqualTo(1));
            Assert.That(domain.Devices, Has.Count.EqualTo(all.Count + 2));
            Assert.That(domain.Devices[0].Element, Is.SameAs(cdrom));
            Assert.That(domain.Devices[0], Is.TypeOf<DomainDisk>());
        });
    }

    [Test]
    public void A_device_renamed_through_the_tree_gets_the_view_type_of_its_new_name()
    {
        var domain = DomainXml.Parse(Guest);
        Assert.That(domain.Devices[0], Is.TypeOf<DomainDisk>());
        var disk = domain.Devices[0].Element;

        disk.Name = "hostdev";

        Assert.Multiple(() =>
        {
            Assert.That(domain.Devices[0], Is.TypeOf<DomainHostdev>());
            Assert.That(domain.Devices[0].Element, Is.SameAs(disk));
            Assert.That(domain.Devices.Disks, Has.Count.EqualTo(1));
            Assert.That(domain.Devices.Hostdevs.Single().Element, Is.SameAs(disk));
        });

        disk.Name = XName.Get("disk", "urn:example");
        Assert.That(domain.Devices[0], Is.TypeOf<DomainGenericDevice>());
        Assert.That(domain.Devices.Hostdevs, Is.Empty);
    }

    [Test]
    public void A_list_returned_by_a_getter_cannot_be_changed_by_its_caller()
    {
        var domain = DomainXml.Parse(Guest);
        Assert.Multiple(() =>
        {
            Assert.That(domain.Devices.Disks, Is.Not.InstanceOf<IList<DomainDisk>>());
            Assert.That(domain.Devices.OfType<DomainController>(), Is.Not.InstanceOf<IList<DomainController>>());
            Assert.That(domain.Devices.OfType<DomainGenericDevice>(), Is.Not.InstanceOf<IList<DomainGenericDevice>>());
        });
    }

    [Test]
    public void Edits_through_the_typed_model_show_in_lists_read_before()
    {
        var domain = DeviceXml.L1Guest();
        var disks = domain.Devices.Disks;
        var added = domain.Devices.Add(new DomainDisk(new XElement("disk", new XAttribute("type", "block"))));
        Assert.That(domain.Devices.Disks.Select(d => d.Element), Is.EqualTo(disks.Select(d => d.Element).Append(added.Element)));
        Assert.That(domain.Devices.Remove(added), Is.True);
        Assert.That(domain.Devices.Disks.Select(d => d.Element), Is.EqualTo(disks.Select(d => d.Element)));
    }
}
