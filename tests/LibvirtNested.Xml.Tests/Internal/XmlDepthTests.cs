using System.Text;
using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Internal;

[TestFixture]
public sealed class XmlDepthTests
{
    [TestCase(257)]
    [TestCase(20_000)]
    public void A_document_nested_deeper_than_the_limit_is_refused_with_line_and_column(int depth)
    {
        var xml = "<domain>\n" + Nested(depth - 1) + "\n</domain>";
        var error = Assert.Throws<LibvirtXmlParseException>(() => DomainXml.Parse(xml))!;
        Assert.That(error.LineNumber, Is.EqualTo(2));
        Assert.That(error.LinePosition, Is.EqualTo((3 * (LibvirtXmlDocument.MaxElementDepth - 1)) + 2));
        Assert.That(error.Message, Does.Contain("256"));
    }

    [Test]
    public void A_document_at_the_limit_parses_writes_clones_saves_and_diffs()
    {
        var xml = "<domain>" + Nested(LibvirtXmlDocument.MaxElementDepth - 1) + "</domain>";
        var domain = DomainXml.Parse(xml);
        Assert.That(domain.ToXmlString(), Is.EqualTo(xml));
        Assert.That(domain.Clone().ToXmlString(), Is.EqualTo(xml));
        using var stream = new MemoryStream();
        domain.Save(stream);
        Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(xml));
        Assert.That(XmlTextDiff.Unified(xml, domain.ToXmlString()), Is.Empty);
    }

    [Test]
    public void A_tree_built_deeper_in_code_is_written_and_cloned_without_exhausting_the_stack()
    {
        // Before: the recursive writer overflowed the stack (a process crash) at about 20,000 levels.
        var domain = DomainXml.Create();
        var parent = domain.Element;
        for (var i = 0; i < 100_000; i++)
        {
            var child = new XElement("e");
            parent.Add(child);
            parent = child;
        }

        parent.Add(new XText("x"));
        var written = domain.ToXmlString();
        Assert.That(written, Has.Length.EqualTo("<domain type='kvm'>".Length + (100_000 * "<e></e>".Length) + 1 + "</domain>".Length));
        Assert.That(domain.Clone().ToXmlString(), Is.EqualTo(written));
    }

    private static string Nested(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("<e>");
        }

        for (var i = 0; i < depth; i++)
        {
            text.Append("</e>");
        }

        return text.ToString();
    }
}
