using BenchmarkDotNet.Attributes;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// Issue 2's edit path over every valid corpus domain document: parse → host-passthrough CPU, virtio-scsi
/// controller, SCSI LUN <c>/dev/sdb</c>, NIC on <c>nested-bridge</c> → serialise. Baseline: the same edits by
/// hand on a whitespace-preserving <see cref="System.Xml.Linq.XDocument"/>.
/// </summary>
[MemoryDiagnoser]
public class EditBenchmarks
{
    private string[] texts = [];

    [GlobalSetup]
    public void Setup() => texts = DomainCorpus.Texts;

    [Benchmark(Baseline = true, Description = "XDocument by hand: parse+4 edits+ToString")]
    public long HandEditPath()
    {
        long total = 0;
        foreach (var text in texts)
        {
            total += HandEdits.EditAll(text).Length;
        }

        return total;
    }

    [Benchmark(Description = "DomainXml: parse+4 edits+ToXmlString")]
    public long DomainXmlEditPath()
    {
        long total = 0;
        foreach (var text in texts)
        {
            total += EditOne(text).Length;
        }

        return total;
    }

    public static string EditOne(string text)
    {
        var domain = DomainXml.Parse(text);
        domain.UseHostPassthrough();
        domain.EnsureVirtioScsiController();
        domain.AddLunDisk("/dev/sdb");
        domain.AddNetworkInterface("nested-bridge");
        return domain.ToXmlString();
    }
}
