using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Benchmarks;

/// <summary>Parse and serialise every valid corpus domain document, unedited.</summary>
[MemoryDiagnoser]
public class RoundTripBenchmarks
{
    private string[] texts = [];

    [GlobalSetup]
    public void Setup() => texts = DomainCorpus.Texts;

    [Benchmark(Baseline = true, Description = "XDocument parse+ToString")]
    public long XDocumentRoundTrip() => XDocumentRoundTripOver(texts);

    public long XDocumentRoundTripOver(string[] documents)
    {
        long total = 0;
        foreach (var text in documents)
        {
            total += XDocument.Parse(text, LoadOptions.PreserveWhitespace).ToString(SaveOptions.DisableFormatting).Length;
        }

        return total;
    }

    [Benchmark(Description = "DomainXml parse+ToXmlString")]
    public long DomainXmlRoundTrip() => DomainXmlRoundTripOver(texts);

    public long DomainXmlRoundTripOver(string[] documents)
    {
        long total = 0;
        foreach (var text in documents)
        {
            total += DomainXml.Parse(text).ToXmlString().Length;
        }

        return total;
    }
}
