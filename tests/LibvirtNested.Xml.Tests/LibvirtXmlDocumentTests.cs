using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests;

[TestFixture]
public sealed class LibvirtXmlDocumentTests
{
    [Test]
    public void Malformed_xml_is_refused_with_line_and_column()
    {
        var e = Assert.Throws<LibvirtXmlParseException>(() => DomainXml.Parse("<domain type='kvm'>\n  <name>x</nam>\n</domain>"));
        Assert.That(e!.LineNumber, Is.EqualTo(2));
        Assert.That(e.LinePosition, Is.GreaterThan(0));
        Assert.That(e.Message, Does.Contain("line 2").And.Contain("not well-formed"));
    }

    [Test]
    public void A_dtd_is_refused_and_no_entity_is_expanded()
    {
        const string xml = "<!DOCTYPE domain [<!ENTITY x 'expanded'>]>\n<domain type='kvm'><name>&x;</name></domain>";
        var e = Assert.Throws<LibvirtXmlParseException>(() => DomainXml.Parse(xml));
        Assert.That(e!.Message, Does.Contain("DTD"));
        Assert.That(e.LineNumber, Is.EqualTo(1));
    }

    [Test]
    public void An_external_entity_is_refused_without_reading_the_file()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "SECRET");
        try
        {
            var xml = $"<!DOCTYPE domain [<!ENTITY x SYSTEM 'file://{secret}'>]><domain><name>&x;</name></domain>";
            var e = Assert.Throws<LibvirtXmlParseException>(() => DomainXml.Parse(xml));
            Assert.That(e!.Message, Does.Not.Contain("SECRET"));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Test]
    public void A_document_of_another_kind_names_the_expected_root()
    {
        var e = Assert.Throws<LibvirtXmlParseException>(() => DomainXml.Parse("<network><name>n</name></network>"));
        Assert.That(e!.Message, Does.Contain("<network>").And.Contain("<domain>"));
    }

    [Test]
    public void A_namespaced_root_with_the_right_local_name_is_still_another_kind()
    {
        Assert.Throws<LibvirtXmlParseException>(() => DomainXml.Parse("<domain xmlns='urn:other'/>"));
    }

    [Test]
    public void Load_names_the_file_in_errors()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "<domain>");
        try
        {
            var e = Assert.Throws<LibvirtXmlParseException>(() => DomainXml.Load(path));
            Assert.That(e!.FilePath, Is.EqualTo(path));
            Assert.That(e.Message, Does.Contain(path));
            Assert.That((e.LineNumber, e.LinePosition), Is.Not.EqualTo((0, 0)));

            // Exception.Source keeps its meaning (the throwing assembly); before, a 'new Source' hid it.
            Assert.That(((Exception)e).Source, Is.EqualTo("LibvirtNested.Xml"));
            Assert.That(typeof(LibvirtXmlParseException).GetProperty(nameof(Exception.Source))!.DeclaringType, Is.EqualTo(typeof(Exception)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Save_replaces_the_file_and_leaves_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("lvn-save-");
        try
        {
            var path = Path.Combine(folder.FullName, "guest.xml");
            File.WriteAllText(path, "old");
            var domain = DomainXml.Parse("<domain type='kvm'>\n  <name>g</name>\n</domain>\n");
            domain.Save(path);
            Assert.That(File.ReadAllText(path), Is.EqualTo(domain.ToXmlString()));
            Assert.That(folder.GetFiles(), Has.Length.EqualTo(1));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void A_failed_save_leaves_the_existing_file_untouched()
    {
        var folder = Directory.CreateTempSubdirectory("lvn-save-");
        try
        {
            // The destination is a folder, so the final rename fails after the temporary file was written.
            var path = Path.Combine(folder.FullName, "guest.xml");
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "keep"), "kept");
            var domain = DomainXml.Parse("<domain/>");
            Assert.That(() => domain.Save(path), Throws.InstanceOf<IOException>().Or.InstanceOf<UnauthorizedAccessException>());
            Assert.That(File.ReadAllText(Path.Combine(path, "keep")), Is.EqualTo("kept"));
            Assert.That(folder.GetFiles(), Is.Empty, "no temporary file is left behind");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Save_to_a_stream_writes_utf8_without_a_byte_order_mark()
    {
        var domain = DomainXml.Parse("<domain><name>gäst</name></domain>");
        using var stream = new MemoryStream();
        domain.Save(stream);
        var bytes = stream.ToArray();
        Assert.That(bytes[0], Is.EqualTo((byte)'<'));
        Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Is.EqualTo(domain.ToXmlString()));
    }

    [Test]
    public void Load_from_a_stream_leaves_the_stream_open()
    {
        using var stream = new MemoryStream("<domain type='qemu'/>"u8.ToArray());
        var domain = DomainXml.Load(stream);
        Assert.That(domain.Type, Is.EqualTo("qemu"));
        Assert.That(stream.CanRead, Is.True);
    }

    [Test]
    public void Clone_is_independent_and_keeps_the_source_style()
    {
        var original = DomainXml.Parse("<domain type=\"kvm\">\n  <name>a</name>\n</domain>");
        var copy = original.Clone();
        copy.Name = "b";
        Assert.That(original.Name, Is.EqualTo("a"));
        Assert.That(copy.ToXmlString(), Is.EqualTo("<domain type=\"kvm\">\n  <name>b</name>\n</domain>"));
    }
}
