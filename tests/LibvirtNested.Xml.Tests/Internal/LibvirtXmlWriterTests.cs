using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Internal;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Internal;

[TestFixture]
public sealed class LibvirtXmlWriterTests
{
    [TestCase("<domain type='kvm'><name>a</name></domain>")]
    [TestCase("<domain type=\"kvm\" id='1'><name>a</name></domain>")]
    [TestCase("<domain>\n  <features>\n  </features>\n  <devices></devices>\n  <x/>\n</domain>\n")]
    [TestCase("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<domain><!-- c --><?pi data?><name><![CDATA[a<b]]></name></domain>")]
    [TestCase("<domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><qemu:commandline><qemu:arg value='-x'/></qemu:commandline></domain>")]
    [TestCase("<domain><metadata><app xmlns='urn:app'><item k='v'/></app></metadata></domain>")]
    [TestCase("<domain><description>a &amp; b &lt; c &gt; d</description></domain>")]
    public void Writes_back_exactly_what_it_read(string xml)
    {
        Assert.That(DomainXml.Parse(xml).ToXmlString(), Is.EqualTo(xml));
    }

    [Test]
    public void Attribute_values_are_escaped_for_their_own_quote()
    {
        var domain = DomainXml.Parse("<domain a='x' b=\"y\"/>");
        domain.Element.SetAttributeValue("a", "it's \"q\"\n");
        domain.Element.SetAttributeValue("b", "it's \"q\"");
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain a='it&apos;s \"q\"&#10;' b=\"it's &quot;q&quot;\"/>"));
        Assert.That(XDocument.Parse(domain.ToXmlString()).Root!.Attribute("a")!.Value, Is.EqualTo("it's \"q\"\n"));
    }

    [Test]
    public void New_attributes_use_the_quote_of_the_document()
    {
        var domain = DomainXml.Parse("<domain type=\"kvm\"/>");
        domain.Element.SetAttributeValue("id", "3");
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain type=\"kvm\" id=\"3\"/>"));
    }

    [Test]
    public void An_element_added_in_an_undeclared_namespace_declares_it()
    {
        var domain = DomainXml.Parse("<domain><metadata/></domain>");
        XNamespace app = "urn:app";
        domain.Element.Element("metadata")!.Add(new XElement(app + "info", new XElement(app + "owner", "me"), new XElement("plain")));
        var written = domain.ToXmlString();
        Assert.That(written, Is.EqualTo("<domain><metadata><info xmlns='urn:app'><owner>me</owner><plain xmlns=''/></info></metadata></domain>"));
        var reread = XDocument.Parse(written).Root!.Element("metadata")!.Element(app + "info")!;
        Assert.That(reread.Element(app + "owner")!.Value, Is.EqualTo("me"));
        Assert.That(reread.Element("plain"), Is.Not.Null);
    }

    [Test]
    public void A_prefix_is_kept_as_declared_even_when_it_is_unusual()
    {
        const string xml = "<domain xmlns:ns0='http://libvirt.org/schemas/domain/qemu/1.0'><ns0:commandline/></domain>";
        Assert.That(DomainXml.Parse(xml).ToXmlString(), Is.EqualTo(xml));
    }
}
