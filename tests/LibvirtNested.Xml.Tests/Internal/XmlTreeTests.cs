using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Internal;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Internal;

[TestFixture]
public sealed class XmlTreeTests
{
    [Test]
    public void Append_indents_like_the_siblings_and_indents_the_new_subtree()
    {
        var domain = DomainXml.Parse("<domain>\n    <name>a</name>\n    <devices>\n        <emulator>/e</emulator>\n    </devices>\n</domain>\n");
        var devices = domain.Element.Element("devices")!;
        XmlTree.Append(devices, new XElement("disk", new XAttribute("type", "block"), new XElement("source", new XAttribute("dev", "/dev/sdb"))));
        Assert.That(domain.ToXmlString(), Is.EqualTo(
            "<domain>\n    <name>a</name>\n    <devices>\n        <emulator>/e</emulator>\n        <disk type='block'>\n            <source dev='/dev/sdb'/>\n        </disk>\n    </devices>\n</domain>\n"));
    }

    [Test]
    public void Adding_to_an_empty_element_opens_it_on_its_own_lines()
    {
        var domain = DomainXml.Parse("<domain>\n  <features/>\n</domain>");
        XmlTree.Append(domain.Element.Element("features")!, new XElement("acpi"));
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <features>\n    <acpi/>\n  </features>\n</domain>"));
    }

    [Test]
    public void A_document_on_one_line_stays_on_one_line()
    {
        var domain = DomainXml.Parse("<domain><name>a</name><features/></domain>");
        XmlTree.Append(domain.Element, new XElement("cpu", new XElement("model", "x")));
        XmlTree.Append(domain.Element.Element("features")!, new XElement("acpi"));
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><name>a</name><features><acpi/></features><cpu><model>x</model></cpu></domain>"));
    }

    [Test]
    public void InsertBefore_and_InsertAfter_keep_every_line_indented()
    {
        var domain = DomainXml.Parse("<domain>\n  <name>a</name>\n  <vcpu>1</vcpu>\n</domain>");
        var name = domain.Element.Element("name")!;
        XmlTree.InsertBefore(name, new XElement("uuid", "u"));
        XmlTree.InsertAfter(name, new XElement("title", "t"));
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <uuid>u</uuid>\n  <name>a</name>\n  <title>t</title>\n  <vcpu>1</vcpu>\n</domain>"));
    }

    [Test]
    public void Remove_takes_the_indentation_with_it_and_collapses_an_emptied_parent()
    {
        var domain = DomainXml.Parse("<domain>\n  <features>\n    <acpi/>\n  </features>\n  <name>a</name>\n</domain>");
        XmlTree.Remove(domain.Element.Element("features")!.Element("acpi")!);
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <features/>\n  <name>a</name>\n</domain>"));
        XmlTree.Remove(domain.Element.Element("features")!);
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <name>a</name>\n</domain>"));
    }

    [Test]
    public void The_indentation_unit_is_learned_from_the_document()
    {
        var domain = DomainXml.Parse("<domain>\n\t<name>a</name>\n\t<cpu/>\n</domain>");
        XmlTree.Append(domain.Element.Element("cpu")!, new XElement("topology"));
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n\t<name>a</name>\n\t<cpu>\n\t\t<topology/>\n\t</cpu>\n</domain>"));
    }

    [Test]
    public void PathOf_numbers_repeated_elements()
    {
        var domain = DomainXml.Parse("<domain><devices><disk/><disk><target/></disk></devices></domain>");
        var target = domain.Element.Descendants("target").Single();
        Assert.That(XmlTree.PathOf(target), Is.EqualTo("/domain/devices/disk[2]/target"));
    }
}
