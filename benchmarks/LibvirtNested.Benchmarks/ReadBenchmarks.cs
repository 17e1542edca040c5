using System.Globalization;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// Typed reads of the properties a provisioning service looks at (name, memory in bytes, vCPU count, CPU mode,
/// disk count, first disk's target) over every parsed corpus document, against the same reads by hand.
/// Parsing is done once in setup; only the reads are measured.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private DomainXml[] typed = [];
    private XElement[] roots = [];

    [GlobalSetup]
    public void Setup()
    {
        typed = DomainCorpus.Texts.Select(DomainXml.Parse).ToArray();
        roots = DomainCorpus.Texts.Select(t => XDocument.Parse(t, LoadOptions.PreserveWhitespace).Root!).ToArray();
    }

    [Benchmark(Baseline = true, Description = "XElement by hand: 6 reads")]
    public long XElementRead()
    {
        long total = 0;
        foreach (var root in roots)
        {
            total += root.Element("name")?.Value.Length ?? 0;
            total += (long)(MemoryBytes(root.Element("memory")) ?? 0);
            var vcpu = root.Element("vcpu");
            total += vcpu is null ? 0 : int.Parse(vcpu.Value, CultureInfo.InvariantCulture);
            total += root.Element("cpu")?.Attribute("mode")?.Value.Length ?? 0;
            var disks = root.Element("devices")?.Elements("disk");
            if (disks is not null)
            {
                XElement? first = null;
                foreach (var disk in disks)
                {
                    first ??= disk;
                    total++;
                }

                total += first?.Element("target")?.Attribute("dev")?.Value.Length ?? 0;
            }
        }

        return total;
    }

    [Benchmark(Description = "DomainXml typed: 6 reads")]
    public long TypedRead()
    {
        long total = 0;
        foreach (var domain in typed)
        {
            total += domain.Name?.Length ?? 0;
            total += (long)(domain.MemoryBytes ?? 0);
            total += domain.Vcpu?.Count ?? 0;
            total += domain.Cpu?.Mode?.Value.Length ?? 0;
            var disks = domain.Devices.Disks;
            total += disks.Count;
            total += disks.Count > 0 ? disks[0].Target?.Dev?.Length ?? 0 : 0;
        }

        return total;
    }

    // The baseline must not call the library it is measured against, so it repeats DataSize's unit table by hand.
    private static ulong? MemoryBytes(XElement? memory)
    {
        if (memory is null)
        {
            return null;
        }

        var value = ulong.Parse(memory.Value.Trim(), CultureInfo.InvariantCulture);
        var scale = ((string?)memory.Attribute("unit") ?? "KiB").ToUpperInvariant() switch
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
            _ => throw new FormatException("unknown unit"),
        };
        return value * scale;
    }
}
