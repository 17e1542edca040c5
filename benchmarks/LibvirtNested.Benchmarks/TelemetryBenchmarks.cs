using System.Diagnostics;
using System.Diagnostics.Metrics;
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
        if (Listening != "none")
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
            meters.SetMeasurementEventCallback<long>((_, value, _, _) => sum += value);
            meters.SetMeasurementEventCallback<double>((_, value, _, _) => sum += value);
            meters.Start();
        }

        if (Listening == "metrics+spans")
        {
            spans = new ActivityListener
            {
                ShouldListenTo = source => source.Name == LibvirtTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _ => stopped++,
            };
            ActivitySource.AddActivityListener(spans);
        }
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
}
