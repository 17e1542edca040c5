using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// Plain Stopwatch modes, for like-for-like comparisons with the C program and for long runs that
/// BenchmarkDotNet is not made for: <c>roundtrip [rounds]</c>, <c>edit [rounds]</c>, <c>read [rounds]</c>, <c>cycle [cycles]</c>,
/// <c>soak [cycles]</c>, <c>events [events] [rounds] [pings]</c> (against libvirt-python), <c>events-csharp [events] [pings]</c> (C# alone, for profiling), <c>event-soak [events] [warm-up]</c>.
/// </summary>
public static class QuickModes
{
    private static readonly string[] Stages = ["parse", "+UseHostPassthrough", "+EnsureVirtioScsi", "+AddLunDisk", "+AddNetworkInterface", "+ToXmlString"];

    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args[0])
        {
            case "roundtrip":
                RoundTrip(Count(args, 1, 10));
                return true;
            case "edit":
                Edit(Count(args, 1, 10));
                return true;
            case "read":
                Read(Count(args, 1, 100));
                return true;
            case "breakdown":
                Breakdown(Count(args, 1, 10));
                return true;
            case "scaling":
                Scaling(Count(args, 1, 3));
                return true;
            case "digest":
                Digest();
                return true;
            case "loop-edit":
                LoopEdit(Count(args, 1, 20));
                return true;
            case "cycle":
                Cycle(Count(args, 1, 20000));
                return true;
            case "telemetry":
                TelemetryBenchmarks.Quick(Count(args, 1, 2000), Count(args, 2, 5));
                return true;
            case "host":
                HostBenchmarks.Quick(Count(args, 1, 16_000));
                return true;
            case "soak":
                exitCode = Soak.Run(Count(args, 1, 100_000), Count(args, 2, 5_000));
                return true;
            case "events":
                exitCode = EventBenchmark.Run(Count(args, 1, 100_000), Count(args, 2, 3), Count(args, 3, 5_000));
                return true;
            case "fleet":
                exitCode = FleetBenchmark.Run(Count(args, 1, 8), Count(args, 2, 250));
                return true;
            case "many-domains":
                exitCode = ManyDomainsBenchmark.Run(Count(args, 1, 10_000), Count(args, 2, 3));
                return true;
            case "pool-limit":
                exitCode = FleetBenchmark.RunLimit(Count(args, 1, 20_000), Count(args, 2, 32));
                return true;
            case "events-csharp":
                EventBenchmark.RunCSharpOnly(Count(args, 1, 100_000), Count(args, 2, 5_000));
                return true;
            case "event-soak":
                exitCode = EventSoak.Run(Count(args, 1, 1_000_000), Count(args, 2, 100_000));
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
        Measure("XDocument parse+ToString", rounds, bench.XDocumentRoundTrip);
        Measure("DomainXml parse+ToXmlString", rounds, bench.DomainXmlRoundTrip);
    }

    private static void Edit(int rounds)
    {
        var edit = new EditBenchmarks();
        edit.Setup();
        var read = new ReadBenchmarks();
        read.Setup();
        Console.WriteLine($"{DomainCorpus.Texts.Length} documents, {DomainCorpus.TotalChars} chars");
        Compare("edit: XDocument by hand", edit.HandEditPath, "edit: DomainXml", edit.DomainXmlEditPath, rounds);
        Compare("roundtrip: XDocument", () => RoundTripXDocument(), "roundtrip: DomainXml", () => RoundTripDomainXml(), rounds);
        Compare("read: XElement by hand", read.XElementRead, "read: DomainXml typed", read.TypedRead, rounds * 10);
    }

    /// <summary>Issue 8's quadratic inputs, each timed <paramref name="rounds"/> times after one warm-up.</summary>
    private static void Scaling(int rounds)
    {
        var bench = new ScalingBenchmarks();
        Measure("diff 50k lines, 40 changes", rounds, () => bench.Diff50kLines());
        Measure("XDocument.Parse 100k attributes", rounds, () => bench.XDocumentManyAttributes());
        Measure("DomainXml.Parse 100k attributes", rounds, () => bench.DomainXmlManyAttributes());
        Measure("DomainXml.Parse 20k deep (refused)", rounds, () => bench.DomainXmlDeepRefused());
    }

    private static long RoundTripXDocument() => new RoundTripBenchmarks().XDocumentRoundTripOver(DomainCorpus.Texts);

    private static long RoundTripDomainXml() => new RoundTripBenchmarks().DomainXmlRoundTripOver(DomainCorpus.Texts);

    /// <summary>
    /// Typed reads against hand-written XElement reads: the first read of each freshly parsed document (what a
    /// caller that parses, reads and drops a document pays), then repeated reads (alternating passes).
    /// </summary>
    private static void Read(int rounds)
    {
        var first = new ReadBenchmarks();
        first.Setup();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        first.XElementRead();
        var baseline = GC.GetAllocatedBytesForCurrentThread() - allocated;
        allocated = GC.GetAllocatedBytesForCurrentThread();
        first.TypedRead();
        var ours = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"first read of {DomainCorpus.Texts.Length} fresh documents: allocated {ours / 1024.0:F1} / {baseline / 1024.0:F1} KB = {(double)ours / baseline:F2}x"));
        var read = new ReadBenchmarks();
        read.Setup();
        Compare("read: XElement by hand", read.XElementRead, "read: DomainXml typed", read.TypedRead, rounds);
    }

    /// <summary>Five alternating passes of each side; the ratio of the medians, so that a burst of load hits both.</summary>
    private static void Compare(string baselineLabel, Func<long> baseline, string oursLabel, Func<long> ours, int rounds)
    {
        const int Passes = 5;
        var b = new List<Measurement>();
        var o = new List<Measurement>();
        for (var pass = 0; pass < Passes; pass++)
        {
            b.Add(Measure(baselineLabel, rounds, baseline));
            o.Add(Measure(oursLabel, rounds, ours));
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        var cpuB = Median(b.Select(m => m.CpuMs));
        var cpuO = Median(o.Select(m => m.CpuMs));
        var wallB = Median(b.Select(m => m.WallMs));
        var wallO = Median(o.Select(m => m.WallMs));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"=> {oursLabel} / {baselineLabel}: thread-CPU {cpuO:F2} / {cpuB:F2} ms = {cpuO / cpuB:F2}x; wall {wallO:F2} / {wallB:F2} ms = {wallO / wallB:F2}x; allocated {o[0].AllocatedBytes / 1048576.0:F2} / {b[0].AllocatedBytes / 1048576.0:F2} MB = {(double)o[0].AllocatedBytes / b[0].AllocatedBytes:F2}x (medians of {Passes} alternating passes)"));
    }

    /// <summary>The edit path stage by stage: each line adds one step, so the differences are the step costs.</summary>
    private static void Breakdown(int rounds)
    {
        var texts = DomainCorpus.Texts;
        var parsed = texts.Select(DomainXml.Parse).ToArray();
        Measure("ToXmlString only", rounds, () => parsed.Sum(d => (long)d.ToXmlString().Length));
        Measure("XDocument.Parse only", rounds, () => texts.Sum(t => (long)XDocument.Parse(t, LoadOptions.PreserveWhitespace).Root!.Name.LocalName.Length));
        Measure("XDocument.ToString only", rounds, () => parsed.Sum(d => (long)d.Document.ToString(SaveOptions.DisableFormatting).Length));
        for (var stages = 0; stages <= 5; stages++)
        {
            var n = stages;
            Measure(
                Stages[n],
                rounds,
                () =>
                {
                    long total = 0;
                    foreach (var text in texts)
                    {
                        var domain = DomainXml.Parse(text);
                        if (n >= 1)
                        {
                            domain.UseHostPassthrough();
                        }

                        if (n >= 2)
                        {
                            domain.EnsureVirtioScsiController();
                        }

                        if (n >= 3)
                        {
                            domain.AddLunDisk("/dev/sdb");
                        }

                        if (n >= 4)
                        {
                            domain.AddNetworkInterface("nested-bridge");
                        }

                        total += n >= 5 ? domain.ToXmlString().Length : 1;
                    }

                    return total;
                });
        }
    }

    /// <summary>
    /// A SHA-256 over every round-tripped and every edited corpus document, and how many round trips are not
    /// byte-identical: run before and after a change to the core to show that its output did not move.
    /// </summary>
    private static void Digest()
    {
        using var roundTrips = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var edits = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var changed = 0;
        foreach (var text in DomainCorpus.Texts)
        {
            var written = DomainXml.Parse(text).ToXmlString();
            changed += written == text ? 0 : 1;
            roundTrips.AppendData(System.Text.Encoding.UTF8.GetBytes(written + "\0"));
            edits.AppendData(System.Text.Encoding.UTF8.GetBytes(EditBenchmarks.EditOne(text) + "\0"));
        }

        Console.WriteLine($"{DomainCorpus.Texts.Length} documents; round trip not byte-identical: {changed}");
        Console.WriteLine($"round-trip digest {Convert.ToHexString(roundTrips.GetHashAndReset())}");
        Console.WriteLine($"edit digest       {Convert.ToHexString(edits.GetHashAndReset())}");
    }

    /// <summary>Runs the edit path for a while and nothing else, for <c>perf record</c> (see README).</summary>
    private static void LoopEdit(int seconds)
    {
        var edit = new EditBenchmarks();
        edit.Setup();
        var watch = Stopwatch.StartNew();
        var rounds = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            edit.DomainXmlEditPath();
            rounds++;
        }

        Console.WriteLine($"{rounds} rounds");
    }

    private static void Cycle(int cycles)
    {
        using var connection = LibvirtConnection.Open("test:///default");
        var xml = File.ReadAllText(BenchPaths.CycleDomainXml);
        var domain = DomainXml.Parse(xml);
        var inactiveLength = Cycles.Strings(connection, xml);
        Console.WriteLine($"define XML {xml.Length} chars, inactive XML {inactiveLength} chars");
        string inactive;
        using (var probe = connection.DefineDomain(xml, DomainDefineOptions.None))
        {
            inactive = probe.GetInactiveXmlString();
            probe.Undefine();
        }

        // What the typed cycle adds to the string one, measured alone.
        Measure("  typed extra: ToXmlString", cycles, () => domain.ToXmlString().Length, perOp: "us");
        Measure("  typed extra: Parse", cycles, () => DomainXml.Parse(inactive).Element.Name.LocalName.Length, perOp: "us");
        foreach (var (label, cycle) in new (string, Func<int>)[]
        {
            ("C# strings", () => Cycles.Strings(connection, xml)),
            ("C# typed DomainXml", () => Cycles.Typed(connection, domain)),
        })
        {
            for (var i = 0; i < Math.Max(100, cycles / 10); i++)
            {
                cycle();
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpuNanoseconds();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < cycles; i++)
            {
                cycle();
            }

            watch.Stop();
            cpu = ThreadCpuNanoseconds() - cpu;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{label}: {cycles} cycles, {watch.Elapsed.TotalNanoseconds / cycles:F0} ns/cycle wall, {(double)cpu / cycles:F0} ns/cycle thread-CPU, {allocated / cycles} B allocated/cycle"));
        }
    }

    /// <summary>One measurement, per operation.</summary>
    public readonly record struct Measurement(double WallMs, double CpuMs, long AllocatedBytes);

    public static Measurement Measure(string label, int rounds, Func<long> action, string perOp = "ms")
    {
        var scale = perOp == "us" ? 1e3 : 1e6;
        // Long enough for tiered compilation to reach its optimised code (call counting, then a background re-JIT).
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warmup.ElapsedMilliseconds < 1500; i++)
        {
            action();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpuNanoseconds();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            action();
        }

        watch.Stop();
        cpu = ThreadCpuNanoseconds() - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label,-28} {watch.Elapsed.TotalNanoseconds / scale / rounds,9:F2} {perOp}/op wall {cpu / scale / rounds,9:F2} {perOp}/op thread-CPU {allocated / rounds / 1024.0 / (perOp == "us" ? 1.0 : 1024.0),8:F2} {(perOp == "us" ? "KB" : "MB")}/op"));
        return new Measurement(watch.Elapsed.TotalMilliseconds / rounds, cpu / 1e6 / rounds, allocated / rounds);
    }

    /// <summary>
    /// This thread's time on a CPU (first field of /proc/thread-self/schedstat, in ns): on a shared machine it
    /// leaves out the time other processes held the CPU, which wall-clock time does not.
    /// </summary>
    public static long ThreadCpuNanoseconds()
    {
        var text = File.ReadAllText("/proc/thread-self/schedstat");
        return long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
    }
}
