using System.Xml.Linq;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests;

[TestFixture]
public sealed class DataSizeTests
{
    [TestCase("<memory>1024</memory>", 1024UL * 1024)]
    [TestCase("<memory unit='KiB'>1</memory>", 1024UL)]
    [TestCase("<memory unit='k'>1</memory>", 1024UL)]
    [TestCase("<memory unit='KB'>1</memory>", 1000UL)]
    [TestCase("<memory unit='GiB'>16</memory>", 16UL << 30)]
    [TestCase("<memory unit='G'>2</memory>", 2UL << 30)]
    [TestCase("<memory unit='GB'>2</memory>", 2_000_000_000UL)]
    [TestCase("<memory unit='bytes'>7</memory>", 7UL)]
    [TestCase("<memory unit='b'>7</memory>", 7UL)]
    [TestCase("<memory unit='MiB'> 512 </memory>", 512UL << 20)]
    public void ReadBytes_converts_libvirt_units(string xml, ulong expected)
    {
        Assert.That(DataSize.ReadBytes(XElement.Parse(xml)), Is.EqualTo(expected));
    }

    [Test]
    public void ReadBytes_of_a_missing_element_is_null()
    {
        Assert.That(DataSize.ReadBytes(null), Is.Null);
    }

    [TestCase("<memory>abc</memory>", null)]
    [TestCase("<memory>-1</memory>", null)]
    [TestCase("<memory unit='parsecs'>1</memory>", "unit")]
    [TestCase("<memory unit='EiB'>64</memory>", null)]
    public void ReadBytes_names_the_element_of_a_malformed_value(string xml, string? attribute)
    {
        var e = Assert.Throws<LibvirtXmlValueException>(() => DataSize.ReadBytes(XElement.Parse(xml)));
        Assert.That(e!.ElementPath, Is.EqualTo("/memory"));
        Assert.That(e.AttributeName, Is.EqualTo(attribute));
        Assert.That(e.Message, Does.Contain("<memory>"));
    }

    [TestCase(16UL << 30, "16", "GiB")]
    [TestCase(16000UL << 20, "16000", "MiB")]
    [TestCase(1536UL, "1536", "bytes")]
    [TestCase(1536UL * 1024, "1536", "KiB")]
    [TestCase(0UL, "0", "bytes")]
    public void WriteBytes_uses_the_largest_exact_binary_unit(ulong bytes, string text, string unit)
    {
        var element = new XElement("memory", new XAttribute("unit", "KiB"), "1");
        DataSize.WriteBytes(element, bytes);
        Assert.That(element.Value, Is.EqualTo(text));
        Assert.That(element.Attribute("unit")!.Value, Is.EqualTo(unit));
        Assert.That(DataSize.ReadBytes(element), Is.EqualTo(bytes));
    }

    [TestCase("16000MiB", 16000UL << 20)]
    [TestCase("16G", 16UL << 30)]
    [TestCase("512MiB", 512UL << 20)]
    [TestCase("1 TB", 1_000_000_000_000UL)]
    [TestCase("4096 bytes", 4096UL)]
    public void Parse_reads_sizes_that_say_their_unit(string text, ulong expected)
    {
        Assert.That(DataSize.Parse(text).Bytes, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_refuses_a_bare_number_unless_the_caller_names_its_unit()
    {
        Assert.That(() => DataSize.Parse("16000"), Throws.TypeOf<FormatException>().With.Message.Contains("no unit"));
        Assert.That(DataSize.Parse("16000", "MiB"), Is.EqualTo(DataSize.FromMebibytes(16000)));
        Assert.That(DataSize.Parse("16G", "MiB"), Is.EqualTo(DataSize.FromGibibytes(16)));
        Assert.That(() => DataSize.Parse("1", "parsecs"), Throws.ArgumentException);
    }

    [Test]
    public void Factories_say_their_unit_and_refuse_overflow()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DataSize.FromBytes(1536).Bytes, Is.EqualTo(1536UL));
            Assert.That(DataSize.FromKibibytes(2).Bytes, Is.EqualTo(2048UL));
            Assert.That(DataSize.FromMebibytes(16000).Bytes, Is.EqualTo(16000UL << 20));
            Assert.That(DataSize.FromGibibytes(16).Bytes, Is.EqualTo(16UL << 30));
            Assert.That(DataSize.FromGibibytes(16).ToString(), Is.EqualTo("16 GiB"));
            Assert.That(DataSize.FromMebibytes(1) < DataSize.FromGibibytes(1), Is.True);
            Assert.That(() => DataSize.FromGibibytes(ulong.MaxValue), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void A_value_read_from_a_parsed_document_carries_its_line_and_column()
    {
        var domain = LibvirtNested.Xml.Domain.DomainXml.Parse("<domain type='kvm'>\n  <name>x</name>\n  <memory unit='KiB'>lots</memory>\n</domain>");
        var e = Assert.Throws<LibvirtXmlValueException>(() => _ = domain.MemoryBytes);
        Assert.That((e!.LineNumber, e.LinePosition), Is.EqualTo(((int?)3, (int?)4)));
        Assert.That(e.Message, Does.Contain("line 3, column 4"));
    }

    [Test]
    public void A_value_read_from_an_element_with_linq_line_info_carries_it_too()
    {
        var element = XElement.Parse("<memory>\n12x</memory>", LoadOptions.SetLineInfo);
        var e = Assert.Throws<LibvirtXmlValueException>(() => DataSize.ReadBytes(element));
        Assert.That((e!.LineNumber, e.LinePosition), Is.EqualTo(((int?)1, (int?)2)));
    }

    [Test]
    public void A_value_in_a_built_element_has_no_position()
    {
        var e = Assert.Throws<LibvirtXmlValueException>(() => DataSize.ReadBytes(new XElement("memory", "12x")));
        Assert.That(e!.LineNumber, Is.Null);
    }

    [TestCase("")]
    [TestCase("G")]
    [TestCase("12 parsecs")]
    [TestCase("-5")]
    [TestCase("99999999999999999999")]
    public void Parse_refuses_what_is_not_a_size(string text)
    {
        Assert.Throws<FormatException>(() => DataSize.Parse(text));
    }

    [Test]
    public void Multiplier_reads_every_spelling_as_invariant_upper_casing_does()
    {
        // Every unit in every mix of case, with non-ASCII letters that upper-case to ASCII, and near misses.
        string[] units = ["b", "bytes", "KB", "k", "KiB", "MB", "M", "MiB", "GB", "G", "GiB", "TB", "T", "TiB", "PB", "P", "PiB", "EB", "E", "EiB"];
        var spellings = units.SelectMany(CaseVariants)
            .Concat(["", " ", "KiB ", "kib\n", "KıB", "byteſ", "\u212AiB", "KIBI", "bytess", "mebibytes", "ｋｉｂ", "\0"])
            .ToList();
        Assert.Multiple(() =>
        {
            foreach (var spelling in spellings)
            {
                Assert.That(DataSize.Multiplier(spelling), Is.EqualTo(ByUpperCasing(spelling)), spelling);
            }
        });
        Assert.That(spellings, Has.Count.GreaterThan(100));

        static IEnumerable<string> CaseVariants(string unit) =>
            Enumerable.Range(0, 1 << unit.Length).Select(mask => string.Concat(unit.Select((c, i) => (mask & (1 << i)) != 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))));

        // The implementation before it stopped allocating an upper-cased copy on every read.
        static ulong? ByUpperCasing(string unit) => unit.ToUpperInvariant() switch
        {
            "B" or "BYTES" => 1UL,
            "KB" => 1000UL,
            "K" or "KIB" => 1UL << 10,
            "MB" => 1000UL * 1000,
            "M" or "MIB" => 1UL << 20,
            "GB" => 1000UL * 1000 * 1000,
            "G" or "GIB" => 1UL << 30,
            "TB" => 1000UL * 1000 * 1000 * 1000,
            "T" or "TIB" => 1UL << 40,
            "PB" => 1000UL * 1000 * 1000 * 1000 * 1000,
            "P" or "PIB" => 1UL << 50,
            "EB" => 1000UL * 1000 * 1000 * 1000 * 1000 * 1000,
            "E" or "EIB" => 1UL << 60,
            _ => null,
        };
    }
}
