using System.Xml.Linq;
using LibvirtNested.Xml.Capabilities;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.DomainCapabilities;
using LibvirtNested.Xml.Internal;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Internal;

[TestFixture]
public sealed class ElementTextTests
{
    [Test]
    public void Is_the_value_of_every_element_of_every_corpus_document()
    {
        var elements = 0;
        var differences = new List<string>();
        foreach (var entry in LibvirtNested.Testing.Corpus.Entries.Where(e => e.SchemaValid))
        {
            // Our loader keeps text as XText nodes; XDocument.Parse keeps a lone text as the element's string content.
            LibvirtXmlDocument ours = entry.Kind switch
            {
                "domain" => DomainXml.Load(entry.FullPath),
                "network" => NetworkXml.Load(entry.FullPath),
                "capabilities" => CapabilitiesXml.Load(entry.FullPath),
                _ => DomainCapabilitiesXml.Load(entry.FullPath),
            };
            var theirs = XDocument.Parse(File.ReadAllText(entry.FullPath), LoadOptions.PreserveWhitespace);
            foreach (var element in ours.Document.Descendants().Concat(theirs.Descendants()))
            {
                elements++;
                if (!string.Equals(ElementText.Of(element), element.Value, StringComparison.Ordinal))
                {
                    differences.Add($"{entry.Path}: <{element.Name.LocalName}>");
                }
            }
        }

        Assert.That(differences, Is.Empty);
        Assert.That(elements, Is.GreaterThan(100_000));
    }

    [TestCase("<name/>", "")]
    [TestCase("<name></name>", "")]
    [TestCase("<name>l1</name>", "l1")]
    [TestCase("<name><![CDATA[a<b]]></name>", "a<b")]
    [TestCase("<name>a<!-- c -->b</name>", "ab")]
    [TestCase("<name>a<![CDATA[b]]>c</name>", "abc")]
    [TestCase("<name>a<sub>b</sub>c</name>", "abc")]
    [TestCase("<name><!-- only a comment --></name>", "")]
    public void Is_the_value_of_an_element_however_its_text_is_split(string xml, string expected)
    {
        var domain = DomainXml.Parse($"<domain type='kvm'>{xml}</domain>");
        var name = domain.Element.Element("name")!;
        Assert.That(ElementText.Of(name), Is.EqualTo(expected));
        Assert.That(ElementText.Of(name), Is.EqualTo(name.Value));
        Assert.That(domain.Name, Is.EqualTo(expected));
    }

    [Test]
    public void Follows_text_set_through_the_tree()
    {
        var name = new XElement("name", "first");
        Assert.That(ElementText.Of(name), Is.EqualTo("first"));
        name.Value = "second";
        Assert.That(ElementText.Of(name), Is.EqualTo("second"));
        name.Add(new XText("-third"));
        Assert.That(ElementText.Of(name), Is.EqualTo("second-third"));
    }
}
