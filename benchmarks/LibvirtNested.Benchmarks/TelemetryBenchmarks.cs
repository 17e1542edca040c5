using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// What the library's metrics and spans (meter and activity source "LibvirtNested") cost: the define → read inactive
/// XML → undefine cycle of <see cref="CycleBenchmarks"/> (three libvirt calls) and one cheap call
/// (<c>virDomainIsActive</c>), with nobody listening, with a metrics listener, and with metrics and spans recorded.
/// The listeners are the BCL's own (<see cref="MeterListener"/> summing every measurement, <see cref="ActivityListener"/>
/// recording every span), so the figures are the library's cost, not an exporter's.
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks : IDisposable
{
    private LibvirtConnection? connection;
    private LibvirtDomain? probe;
    private MeterListener? meters;
    private ActivityListener? spans;
    private string xml = string.Empty;
    private double sum;
    private long stopped;

    [Params("none", "metrics", "metrics+spans")]
    public string Listening { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        connection = LibvirtConnection.Open("test:///default");
        xml = File.ReadAllText(BenchPaths.CycleDomainXml);
        // A second domain beside the cycle's: its own name, and no <uuid> (libvirt assigns one; the cycle's is taken).
        var probeXml = System.Text.RegularExpressions.Regex.Replace(xml, "<uuid>[^<]*</uuid>", string.Empty)
            .Replace("<name>", "<name>telemetry-probe-", StringComparison.Ordinal);
        probe = connection.DefineDomain(probeXml, DomainDefineOptions.None);
        (meters, spans) = StartListening(Listening, value => sum += value, () => stopped++);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        meters?.Dispose();
        spans?.Dispose();
        probe?.Undefine();
        probe?.Dispose();
        connection?.Dispose();
        connection = null;
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "cycle, strings (3 calls)")]
    public int Cycle() => Cycles.Strings(connection!, xml);

    [Benchmark(Description = "IsActive (1 call)")]
    public bool IsActive() => probe!.IsActive;

    /// <summary>
    /// Stopwatch mode <c>telemetry [cycles] [passes]</c>: the three settings in alternating passes within one process, each
    /// pass timing <paramref name="cycles"/> cycles and 20× as many <c>IsActive</c> calls by this thread's CPU time (which
    /// leaves out the time other processes held the CPU), then the median pass per setting and the ratios to "none".
    /// </summary>
    public static void Quick(int cycles, int passes)
    {
        using var connection = LibvirtConnection.Open("test:///default");
        var xml = File.ReadAllText(BenchPaths.CycleDomainXml);
        var probeXml = System.Text.RegularExpressions.Regex.Replace(xml, "<uuid>[^<]*</uuid>", string.Empty)
            .Replace("<name>", "<name>telemetry-probe-", StringComparison.Ordinal);
        using var probe = connection.DefineDomain(probeXml, DomainDefineOptions.None);
        string[] settings = ["none", "metrics", "metrics+spans"];
        var results = settings.ToDictionary(s => s, _ => (Cycle: new List<double>(), Call: new List<double>(), CycleBytes: 0L, CallBytes: 0L));
        double sink = 0;
        for (var pass = 0; pass <= passes; pass++)
        {
            foreach (var setting in settings)
            {
                var (meters, spans) = StartListening(setting, value => sink += value, () => sink++);
                try
                {
                    var cycle = Time(cycles, () => Cycles.Strings(connection, xml));
                    var call = Time(cycles * 20, () => probe.IsActive ? 1 : 0);

                    // Pass 0 warms up (JIT, tiering, libvirt's caches) and is not counted.
                    if (pass > 0)
                    {
                        var r = results[setting];
                        r.Cycle.Add(cycle.CpuNs);
                        r.Call.Add(call.CpuNs);
                        results[setting] = (r.Cycle, r.Call, cycle.Bytes, call.Bytes);
                    }
                }
                finally
                {
                    meters?.Dispose();
                    spans?.Dispose();
                }
            }
        }

        probe.Undefine();
        var baseline = results["none"];
        foreach (var setting in settings)
        {
            var r = results[setting];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{setting,-14} cycle (3 calls): {Median(r.Cycle):F0} ns thread-CPU ({Median(r.Cycle) / Median(baseline.Cycle):F3}x), {r.CycleBytes} B;  IsActive (1 call): {Median(r.Call):F0} ns ({Median(r.Call) / Median(baseline.Call):F3}x), {r.CallBytes} B"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passes} passes of {cycles} cycles and {cycles * 20} calls per setting (medians); sink {sink > 0}"));
    }

    private static (MeterListener? Meters, ActivityListener? Spans) StartListening(string setting, Action<double> onMeasurement, Action onSpan)
    {
        MeterListener? meters = null;
        ActivityListener? spans = null;
        if (setting != "none")
        {
            meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == LibvirtTelemetry.MeterName)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            meters.SetMeasurementEventCallback<long>((_, value, _, _) => onMeasurement(value));
            meters.SetMeasurementEventCallback<double>((_, value, _, _) => onMeasurement(value));
            meters.Start();
        }

        if (setting == "metrics+spans")
        {
            spans = new ActivityListener
            {
                ShouldListenTo = source => source.Name == LibvirtTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _ => onSpan(),
            };
            ActivitySource.AddActivityListener(spans);
        }

        return (meters, spans);
    }

    private static (double CpuNs, long Bytes) Time(int count, Func<int> action)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = QuickModes.ThreadCpuNanoseconds();
        for (var i = 0; i < count; i++)
        {
            action();
        }

        cpu = QuickModes.ThreadCpuNanoseconds() - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return ((double)cpu / count, allocated / count);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
