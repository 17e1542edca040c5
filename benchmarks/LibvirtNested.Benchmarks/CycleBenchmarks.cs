using BenchmarkDotNet.Attributes;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// define → read inactive XML → undefine on <c>test:///default</c> (libvirt's in-process test driver), the same
/// cycle as benchmarks/native/cycle.c. "strings" is the like-for-like variant (text in, text out, as the C program
/// does); "typed" is the library as an editing user calls it (DomainXml serialised on define, parsed on read).
/// </summary>
[MemoryDiagnoser]
public class CycleBenchmarks : IDisposable
{
    private LibvirtConnection? connection;
    private string xml = string.Empty;
    private DomainXml? domain;

    [GlobalSetup]
    public void Setup()
    {
        connection = LibvirtConnection.Open("test:///default");
        xml = File.ReadAllText(BenchPaths.CycleDomainXml);
        domain = DomainXml.Parse(xml);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        connection?.Dispose();
        connection = null;
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "cycle, strings")]
    public int CycleStrings() => Cycles.Strings(connection!, xml);

    [Benchmark(Description = "cycle, typed DomainXml")]
    public int CycleTyped() => Cycles.Typed(connection!, domain!);
}

/// <summary>The two C# cycles, shared by the benchmark, the Stopwatch mode and the soak.</summary>
public static class Cycles
{
    public static int Strings(LibvirtConnection connection, string xml)
    {
        using var defined = connection.DefineDomain(xml, DomainDefineOptions.None);
        var length = defined.GetInactiveXmlString().Length;
        defined.Undefine();
        return length;
    }

    public static int Typed(LibvirtConnection connection, DomainXml domain)
    {
        using var defined = connection.DefineDomain(domain, DomainDefineOptions.None);
        var readBack = defined.GetInactiveXml();
        defined.Undefine();
        return readBack.Element.Elements().Count();
    }
}
