using System.Text;
using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Internal;

[TestFixture]
public sealed class XmlSourceTextTests
{
    [TestCase("<domain><description>it&apos;s &quot;mine&quot;</description></domain>")]
    [TestCase("<domain><name a='it&apos;s' b=\"&quot;q&quot;\" c='&#10;&#9;x'/></domain>")]
    [TestCase("<domain><title>&#x41;&#66;&gt;</title></domain>")]
    [TestCase("<domain>\r\n  <name>a</name>\r\n</domain>\r\n")]
    [TestCase("<domain>\n  <name a='1' />\n  <vcpu b='2'  c='3'\n        d='4'>1</vcpu>\n</domain>")]
    [TestCase("<domain><x a='line\nbreak' b='tab\tin'/><y>raw > and \"quotes\" and 'apostrophes'</y></domain>")]
    [TestCase("<?xml version=\"1.0\"  encoding='UTF-8' ?>\n<domain/>")]
    public void Source_text_is_written_back_byte_for_byte(string xml)
    {
        var domain = DomainXml.Parse(xml);
        Assert.That(domain.ToXmlString(), Is.EqualTo(xml));
        Assert.That(domain.Clone().ToXmlString(), Is.EqualTo(xml));
    }

    [Test]
    public void A_no_op_edit_gives_no_diff()
    {
        const string xml = "<domain type='kvm'>\n  <name>a</name>\n  <description>Bob&apos;s &quot;test&quot; guest</description>\n</domain>\n";
        var domain = DomainXml.Parse(xml);
        domain.Name = "a";
        Assert.That(XmlTextDiff.Unified(xml, domain.ToXmlString()), Is.Empty);
    }

    [Test]
    public void A_changed_value_is_written_in_libvirt_style_when_the_document_escapes_quotes()
    {
        var domain = DomainXml.Parse("<domain type='kvm'>\n  <description>it&apos;s</description>\n  <name>a</name>\n</domain>");
        domain.Element.Element("name")!.Value = "Bob's \"x\"";
        domain.Element.SetAttributeValue("type", "q\"'");
        Assert.That(domain.ToXmlString(), Is.EqualTo(
            "<domain type='q&quot;&apos;'>\n  <description>it&apos;s</description>\n  <name>Bob&apos;s &quot;x&quot;</name>\n</domain>"));
    }

    [Test]
    public void A_changed_attribute_rewrites_its_start_tag_and_keeps_every_value()
    {
        var domain = DomainXml.Parse("<domain>\n  <disk  type='file'\n    device='it&apos;s' >x</disk>\n</domain>");
        var disk = domain.Element.Element("disk")!;
        disk.SetAttributeValue("type", "block");
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <disk type='block' device='it&apos;s'>x</disk>\n</domain>"));
    }

    [Test]
    public void Adding_a_child_to_a_self_closing_element_written_with_a_space_closes_it_properly()
    {
        var domain = DomainXml.Parse("<domain><features a='1' /></domain>");
        domain.Element.Element("features")!.Add(new XElement("acpi"));
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><features a='1'><acpi/></features></domain>"));
    }

    [Test]
    public void Random_documents_with_every_escaping_come_back_byte_identical_and_edits_stay_correct()
    {
        // 3,000 generated documents: each character of each text and attribute value written raw (where XML allows),
        // as a named entity, a decimal or a hex character reference; random spacing inside start tags; CR LF or LF.
        var random = new Random(808);
        for (var round = 0; round < 3000; round++)
        {
            var (xml, texts, attributes) = Generate(random);
            var domain = DomainXml.Parse(xml);
            Assert.That(domain.ToXmlString(), Is.EqualTo(xml), $"round {round}");

            var elements = domain.Element.Elements().ToList();
            for (var i = 0; i < elements.Count; i++)
            {
                Assert.That(elements[i].Value, Is.EqualTo(texts[i]), $"round {round}");
                Assert.That(elements[i].Attribute("a")!.Value, Is.EqualTo(attributes[i]), $"round {round}");
            }

            var changed = elements[random.Next(elements.Count)];
            var newValue = RandomValue(random);
            changed.SetAttributeValue("a", newValue);
            changed.Value = newValue;
            var reread = XDocument.Parse(domain.ToXmlString(), LoadOptions.PreserveWhitespace).Root!.Elements().ToList();
            for (var i = 0; i < elements.Count; i++)
            {
                Assert.That(reread[i].Value, Is.EqualTo(elements[i].Value), $"round {round}");
                Assert.That(reread[i].Attribute("a")!.Value, Is.EqualTo(elements[i].Attribute("a")!.Value), $"round {round}");
            }
        }
    }

    private static (string Xml, List<string> Texts, List<string> Attributes) Generate(Random random)
    {
        var newline = random.Next(2) == 0 ? "\n" : "\r\n";
        var xml = new StringBuilder("<domain>");
        var texts = new List<string>();
        var attributes = new List<string>();
        for (var e = random.Next(1, 5); e > 0; e--)
        {
            var quote = random.Next(2) == 0 ? '\'' : '"';
            var text = RandomValue(random);
            var attribute = RandomValue(random);
            texts.Add(text);
            xml.Append(newline).Append("  <e").Append(Spaces(random)).Append("a=").Append(quote);
            var normalised = new StringBuilder();
            foreach (var c in attribute)
            {
                var raw = c is not ('<' or '&' or '\r') && c != quote && random.Next(2) == 0;
                xml.Append(raw ? c.ToString() : Reference(c, random));
                normalised.Append(raw && c is '\n' or '\t' ? ' ' : c);
            }

            attributes.Add(normalised.ToString());
            xml.Append(quote).Append(random.Next(3) == 0 ? Spaces(random) : string.Empty).Append('>');
            foreach (var c in text)
            {
                var raw = c is not ('<' or '&' or '\r') && random.Next(2) == 0;
                xml.Append(raw ? c.ToString() : Reference(c, random));
            }

            xml.Append("</e>");
        }

        xml.Append(newline).Append("</domain>");
        return (xml.ToString(), texts, attributes);
    }

    private static string RandomValue(Random random)
    {
        const string alphabet = "ab é'\"&<>\n\t\r€";
        var value = new StringBuilder();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            value.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return value.ToString();
    }

    private static string Spaces(Random random) => random.Next(4) switch
    {
        0 => " ",
        1 => "  ",
        2 => "\n    ",
        _ => " \t",
    };

    private static string Reference(char c, Random random) => random.Next(3) switch
    {
        0 when c switch { '\'' or '"' or '&' or '<' or '>' => true, _ => false } => c switch
        {
            '\'' => "&apos;",
            '"' => "&quot;",
            '&' => "&amp;",
            '<' => "&lt;",
            _ => "&gt;",
        },
        1 => $"&#x{(int)c:X};",
        _ => $"&#{(int)c};",
    };
}
