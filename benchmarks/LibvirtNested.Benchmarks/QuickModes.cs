using System.Diagnostics;
using System.Globalization;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// Plain Stopwatch modes, for like-for-like comparisons with the C program and for long runs that
/// BenchmarkDotNet is not made for: <c>roundtrip [rounds]</c>.
/// </summary>
public static class QuickModes
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args[0])
        {
            case "roundtrip":
                RoundTrip(Count(args, 1, 10));
                return true;
            default:
                return false;
        }
    }

    private static int Count(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static void RoundTrip(int rounds)
    {
        var bench = new RoundTripBenchmarks();
        bench.Setup();
        Console.WriteLine($"{DomainCorpus.Texts.Length} documents, {DomainCorpus.TotalChars} chars");
        Measure("XDocument", rounds, () => bench.XDocumentRoundTrip());
        Measure("DomainXml", rounds, () => bench.DomainXmlRoundTrip());
    }

    public static void Measure(string label, int rounds, Func<long> action)
    {
        action();
        action();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            action();
        }

        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label,-28} {watch.Elapsed.TotalMilliseconds / rounds,10:F2} ms/op {allocated / rounds / 1024.0 / 1024.0,10:F2} MB/op"));
    }
}
