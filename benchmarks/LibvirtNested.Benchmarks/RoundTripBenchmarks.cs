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
    public long XDocumentRoundTrip()
    {
        long total = 0;
        foreach (var text in texts)
        {
            total += XDocument.Parse(text, LoadOptions.PreserveWhitespace).ToString(SaveOptions.DisableFormatting).Length;
        }

        return total;
    }

    [Benchmark(Description = "DomainXml parse+ToXmlString")]
    public long DomainXmlRoundTrip()
    {
        long total = 0;
        foreach (var text in texts)
        {
            total += DomainXml.Parse(text).ToXmlString().Length;
        }

        return total;
    }
}
