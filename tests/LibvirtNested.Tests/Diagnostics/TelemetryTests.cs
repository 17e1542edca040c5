using System.Diagnostics;
using LibvirtNested.Diagnostics;
using NUnit.Framework;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LibvirtNested.Tests.Diagnostics;

/// <summary>
/// The meter and the activity source "LibvirtNested", seen by the OpenTelemetry SDK with its in-memory exporter while
/// real calls run on test:///default.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TelemetryTests
{
    private static readonly string[] CallTagKeys = [LibvirtDiagnostics.ApiTag, LibvirtDiagnostics.OutcomeTag, LibvirtDiagnostics.ErrorCodeTag];

    [Test]
    public void Calls_are_counted_and_timed_by_api_and_outcome_with_low_cardinality_tags_only()
    {
        var metrics = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(LibvirtTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var name = TestDriver.UniqueName("metered");

        for (var i = 0; i < 3; i++)
        {
            using var domain = connection.DefineDomain(TestDriver.DomainXmlText(name));
            _ = domain.GetInactiveXmlString();
            domain.Undefine();
        }

        Assert.Throws<LibvirtNotFoundException>(() => connection.GetDomain(name));
        provider.ForceFlush();

        var calls = Points(metrics, "libvirtnested.calls");
        Assert.That(Sum(calls, "virDomainDefineXMLFlags", "ok"), Is.EqualTo(3));
        Assert.That(Sum(calls, "virDomainGetXMLDesc", "ok"), Is.EqualTo(3));
        Assert.That(Sum(calls, "virDomainUndefineFlags", "ok"), Is.EqualTo(3));
        var failed = calls.Single(p => Tag(p, LibvirtDiagnostics.ApiTag) == "virDomainLookupByName" && Tag(p, LibvirtDiagnostics.OutcomeTag) == "error");
        Assert.That(failed.GetSumLong(), Is.EqualTo(1));
        Assert.That(Tag(failed, LibvirtDiagnostics.ErrorCodeTag), Is.EqualTo("42"));

        var durations = Points(metrics, "libvirtnested.call.duration");
        var defineDuration = durations.Single(p => Tag(p, LibvirtDiagnostics.ApiTag) == "virDomainDefineXMLFlags");
        Assert.That(defineDuration.GetHistogramCount(), Is.EqualTo(3));
        Assert.That(defineDuration.GetHistogramSum(), Is.GreaterThan(0).And.LessThan(60), "seconds");
        Assert.That(metrics.Single(m => m.Name == "libvirtnested.call.duration").Unit, Is.EqualTo("s"));

        var everyTag = calls.Concat(durations).SelectMany(Tags).ToList();
        Assert.That(everyTag.Select(t => t.Key).Distinct(), Is.SubsetOf(CallTagKeys));
        Assert.That(everyTag.Select(t => t.Value?.ToString()), Has.None.Contain(name).And.None.Contain("test:"), "no domain name, no URI");
    }

    [Test]
    public void Every_instrument_is_published_by_the_meter()
    {
        var published = new List<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == LibvirtTelemetry.MeterName)
                {
                    published.Add(instrument.Name);
                }
            },
        };
        listener.Start();

        Assert.That(published, Is.EquivalentTo(new[]
        {
            "libvirtnested.calls", "libvirtnested.call.duration", "libvirtnested.events.delivered", "libvirtnested.events.lost", "libvirtnested.reconnects",
        }));
    }

    [Test]
    public void Each_libvirt_call_is_a_client_span_in_the_callers_trace_and_a_failure_is_an_error_span()
    {
        var spans = new List<Activity>();
        using var caller = new ActivitySource("LibvirtNested.Tests.Caller");
        using var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(LibvirtTelemetry.ActivitySourceName, caller.Name)
            .AddInMemoryExporter(spans)
            .Build();
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var name = TestDriver.UniqueName("traced");
        ActivityTraceId traceId;
        ActivitySpanId parentId;

        using (var parent = caller.StartActivity("provision"))
        {
            traceId = parent!.TraceId;
            parentId = parent.SpanId;
            using var domain = connection.DefineDomain(TestDriver.DomainXmlText(name));
            domain.Undefine();
            Assert.Throws<LibvirtNotFoundException>(() => connection.GetDomain(name));
            Assert.That(Activity.Current, Is.SameAs(parent), "the library's spans do not stay current");
        }

        provider.ForceFlush();
        var own = spans.Where(s => s.Source.Name == LibvirtTelemetry.ActivitySourceName && s.TraceId == traceId).ToList();
        Assert.That(own.Select(s => s.DisplayName), Is.SupersetOf(new[] { "virDomainDefineXMLFlags", "virDomainUndefineFlags", "virDomainLookupByName" }));
        Assert.That(own, Has.All.Matches<Activity>(s => s!.ParentSpanId == parentId && s.Kind == ActivityKind.Client && s.Duration > TimeSpan.Zero));

        var define = own.Single(s => s.DisplayName == "virDomainDefineXMLFlags");
        Assert.That(define.Status, Is.EqualTo(ActivityStatusCode.Unset));
        Assert.That(define.GetTagItem(LibvirtDiagnostics.OutcomeTag), Is.EqualTo("ok"));

        var lookup = own.Single(s => s.DisplayName == "virDomainLookupByName");
        Assert.That(lookup.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(lookup.StatusDescription, Is.EqualTo("VIR_ERR_NO_DOMAIN"));
        Assert.That(lookup.GetTagItem(LibvirtDiagnostics.ErrorCodeTag), Is.EqualTo(42));
        Assert.That(lookup.GetTagItem("error.type"), Is.EqualTo("VIR_ERR_NO_DOMAIN"));
        Assert.That(own.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString()), Has.None.Contain(name), "no domain name on a span");
    }

    [Test]
    public void A_call_that_never_reached_libvirt_records_nothing_and_leaves_no_current_activity()
    {
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(LibvirtTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        using var traces = Sdk.CreateTracerProviderBuilder().AddSource(LibvirtTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build();
        var connection = LibvirtConnection.Open(TestDriver.Uri);
        connection.Dispose();

        Assert.Throws<ObjectDisposedException>(() => connection.GetDomain("any"));
        Assert.Throws<ArgumentException>(() => LibvirtConnection.Open("test:///default\0"));

        meters.ForceFlush();
        traces.ForceFlush();
        Assert.That(Activity.Current, Is.Null);
        Assert.That(spans.Select(s => s.DisplayName), Has.None.EqualTo("virDomainLookupByName"));
        Assert.That(Points(metrics, "libvirtnested.calls").Where(p => Tag(p, LibvirtDiagnostics.ApiTag) == "virDomainLookupByName"), Is.Empty);
    }

    [Test]
    public async Task Delivered_and_lost_events_are_counted_by_kind_and_a_loss_is_logged_once_with_its_count()
    {
        var metrics = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(LibvirtTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        var logs = new RecordingLoggerFactory();
        using var connection = LibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { LoggerFactory = logs });
        var name = TestDriver.UniqueName("counted-events");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // A buffer of one that nobody reads yet: define + undefine twice is four events, so at least two are dropped.
        await using var events = connection.WatchDomainLifecycleAsync(name, 1, timeout.Token).GetAsyncEnumerator(timeout.Token);
        for (var i = 0; i < 2; i++)
        {
            using var domain = connection.DefineDomain(TestDriver.DomainXmlText(name));
            domain.Undefine();
        }

        while (Sum(Points(Flush(provider, metrics), "libvirtnested.events.lost"), null, null, LibvirtDiagnostics.EventTag, "domain.lifecycle") < 3)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.That(await events.MoveNextAsync(), Is.True);
        using (var again = connection.DefineDomain(TestDriver.DomainXmlText(name)))
        {
            again.Undefine();
        }

        Assert.That(await events.MoveNextAsync(), Is.True);
        Assert.That(events.Current, Is.TypeOf<EventsLostEvent>());
        Assert.That(((EventsLostEvent)events.Current).Count, Is.EqualTo(3));
        while (!logs.Entries.Any(e => e.EventId.Id == LibvirtLogEvents.EventsLost))
        {
            await Task.Delay(50, timeout.Token);
        }

        var lost = logs.Entries.Single(e => e.EventId.Id == LibvirtLogEvents.EventsLost);
        Assert.That(lost.State["Count"], Is.EqualTo(3L));
        Assert.That(lost.State["EventKind"], Is.EqualTo("domain.lifecycle"));
        Assert.That(lost.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.That(Sum(Points(Flush(provider, metrics), "libvirtnested.events.delivered"), null, null, LibvirtDiagnostics.EventTag, "domain.lifecycle"), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void Reconnect_attempts_are_counted_by_outcome()
    {
        var metrics = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(LibvirtTelemetry.MeterName).AddInMemoryExporter(metrics).Build();

        LibvirtDiagnostics.ReconnectAttempted(succeeded: false);
        LibvirtDiagnostics.ReconnectAttempted(succeeded: false);
        LibvirtDiagnostics.ReconnectAttempted(succeeded: true);

        var points = Points(Flush(provider, metrics), "libvirtnested.reconnects");
        Assert.That(Sum(points, null, null, LibvirtDiagnostics.OutcomeTag, "error"), Is.EqualTo(2));
        Assert.That(Sum(points, null, null, LibvirtDiagnostics.OutcomeTag, "ok"), Is.EqualTo(1));
    }

    [Test]
    public void Without_a_listener_a_call_is_not_timed_and_allocates_nothing_for_telemetry()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        using var domain = connection.DefineDomain(TestDriver.DomainXmlText(TestDriver.UniqueName("unmetered")));
        try
        {
            Assert.That(LibvirtDiagnostics.IsEnabled, Is.False, "no listener in this test");
            _ = domain.IsActive;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                _ = domain.IsActive;
            }

            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        }
        finally
        {
            domain.Undefine();
        }
    }

    private static List<Metric> Flush(MeterProvider provider, List<Metric> metrics)
    {
        metrics.Clear();
        provider.ForceFlush();
        return metrics;
    }

    private static List<MetricPoint> Points(IEnumerable<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private static string? Tag(MetricPoint point, string key) => Tags(point).FirstOrDefault(t => t.Key == key).Value?.ToString();

    private static long Sum(IEnumerable<MetricPoint> points, string? api, string? outcome, string? key = null, string? value = null) =>
        points.Where(p => (api is null || Tag(p, LibvirtDiagnostics.ApiTag) == api)
                && (outcome is null || Tag(p, LibvirtDiagnostics.OutcomeTag) == outcome)
                && (key is null || Tag(p, key) == value))
            .Sum(p => p.GetSumLong());
}
