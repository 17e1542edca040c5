using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests;

[TestFixture]
public sealed class LibvirtXmlDocumentEncodingTests
{
    [Test]
    public void Invalid_utf8_is_refused_with_its_byte_offset_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("<domain>\n  <name>ab").Concat(new byte[] { 0xFF, 0xFE }).Concat("</name>\n</domain>"u8.ToArray()).ToArray();
        using var stream = new MemoryStream(bytes);
        var error = Assert.Throws<LibvirtXmlParseException>(() => DomainXml.Load(stream))!;
        Assert.That((error.LineNumber, error.LinePosition), Is.EqualTo((2, 11)));
        Assert.That(error.Message, Does.Contain("byte offset 19").And.Contain("utf-8"));
    }

    [TestCase("US-ASCII", new byte[] { 0xE9 })]
    [TestCase("UTF-16", new byte[] { 0x41 })]
    [TestCase("KOI8-R", new byte[] { 0x41 })]
    public void Bytes_that_are_not_in_the_declared_encoding_are_refused(string declared, byte[] payload)
    {
        var bytes = Encoding.ASCII.GetBytes($"<?xml version='1.0' encoding='{declared}'?><domain><name>")
            .Concat(payload).Concat("</name></domain>"u8.ToArray()).ToArray();
        using var stream = new MemoryStream(bytes);
        Assert.That(() => DomainXml.Load(stream), Throws.TypeOf<LibvirtXmlParseException>());
    }

    [TestCase("ISO-8859-1")]
    [TestCase("US-ASCII")]
    [TestCase("UTF-8")]
    [TestCase("UTF-16")]
    [TestCase("UTF-16BE")]
    [TestCase("UTF-32")]
    public void A_file_in_a_declared_encoding_is_read_in_it_and_saved_in_it_byte_for_byte(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        var value = encoding.CodePage == 20127 ? "plain" : "Gäste-Übersicht €".Where(c => encoding.GetString(encoding.GetBytes(c.ToString())) == c.ToString()).Aggregate(string.Empty, (s, c) => s + c);
        var text = $"<?xml version='1.0' encoding='{name}'?>\n<domain>\n  <description>{value}</description>\n</domain>\n";
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        WithFolder(folder =>
        {
            var path = Path.Combine(folder, "g.xml");
            File.WriteAllBytes(path, bytes);
            var domain = DomainXml.Load(path);
            Assert.That(domain.Element.Element("description")!.Value, Is.EqualTo(value));
            domain.Save(path);
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(bytes));
        });
    }

    [Test]
    public void A_latin1_file_edited_and_saved_is_read_back_by_xmllint_with_the_same_text()
    {
        var latin1 = Encoding.Latin1;
        WithFolder(folder =>
        {
            var path = Path.Combine(folder, "g.xml");
            File.WriteAllBytes(path, latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<domain>\n  <description>caf\u00e9</description>\n  <title>x</title>\n</domain>\n"));
            var domain = DomainXml.Load(path);
            domain.Element.Element("title")!.Value = "na\u00efve \u20ac \U0001F600";
            domain.Save(path);
            Assert.That(Xmllint(path, "string(/domain/description)"), Is.EqualTo("caf\u00e9"));
            Assert.That(Xmllint(path, "string(/domain/title)"), Is.EqualTo("na\u00efve \u20ac \U0001F600"));
            Assert.That(latin1.GetString(File.ReadAllBytes(path)), Does.Contain("<title>na\u00efve &#x20AC; &#x1F600;</title>"));
        });
    }

    [Test]
    public void A_string_declaring_latin1_is_saved_in_latin1_so_the_declaration_holds()
    {
        var domain = DomainXml.Parse("<?xml version='1.0' encoding='ISO-8859-1'?><domain><name>\u00e9</name></domain>");
        using var stream = new MemoryStream();
        domain.Save(stream);
        Assert.That(stream.ToArray(), Is.EqualTo(Encoding.Latin1.GetBytes(domain.ToXmlString())));
        stream.Position = 0;
        Assert.That(XDocument.Load(stream).Root!.Element("name")!.Value, Is.EqualTo("\u00e9"));
    }

    [Test]
    public void A_character_the_encoding_cannot_hold_in_a_comment_is_refused_and_the_file_is_kept()
    {
        WithFolder(folder =>
        {
            var path = Path.Combine(folder, "g.xml");
            File.WriteAllText(path, "<?xml version='1.0' encoding='US-ASCII'?><domain/>");
            var domain = DomainXml.Load(path);
            domain.Element.Add(new XComment("\u20ac"));
            Assert.That(() => domain.Save(path), Throws.TypeOf<LibvirtXmlException>().With.Message.Contains("U+20AC"));
            Assert.That(File.ReadAllText(path), Is.EqualTo("<?xml version='1.0' encoding='US-ASCII'?><domain/>"));
        });
    }

    [Test]
    public void Every_encoding_round_trips_random_values_through_save_and_an_independent_reader()
    {
        // 6 encodings x 100 random documents, checked by XDocument.Load, which honours the declaration itself.
        var random = new Random(77);
        foreach (var name in new[] { "UTF-8", "UTF-16", "UTF-16BE", "UTF-32", "ISO-8859-1", "US-ASCII" })
        {
            for (var round = 0; round < 100; round++)
            {
                var domain = DomainXml.Parse($"<?xml version='1.0' encoding='{name}'?><domain><name>x</name></domain>");
                const string alphabet = "aé€ü'\"&<>\u00ff\u0100\U0001F600";
                var value = new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length - 2)]).ToArray()) + (random.Next(4) == 0 ? "\U0001F600" : string.Empty);
                domain.Element.Element("name")!.Value = value;
                domain.Element.SetAttributeValue("id", value);
                using var stream = new MemoryStream();
                domain.Save(stream);
                stream.Position = 0;
                var root = XDocument.Load(stream).Root!;
                Assert.That((root.Element("name")!.Value, root.Attribute("id")!.Value), Is.EqualTo((value, value)), name);
            }
        }
    }

    private static string Xmllint(string path, string xpath)
    {
        using var process = Process.Start(new ProcessStartInfo("xmllint", ["--xpath", xpath, path])
        {
            RedirectStandardOutput = true,
            StandardOutputEncoding = Encoding.UTF8,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero);
        return output.TrimEnd('\n');
    }

    private static void WithFolder(Action<string> test)
    {
        var folder = Directory.CreateTempSubdirectory("lvn-enc-");
        try
        {
            test(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
