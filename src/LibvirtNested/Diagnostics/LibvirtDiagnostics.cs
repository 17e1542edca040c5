using System.Diagnostics;
using System.Diagnostics.Metrics;
using LibvirtNested.Interop;

namespace LibvirtNested.Diagnostics;

/// <summary>
/// The library's meter and activity source (<see cref="LibvirtTelemetry"/>) and the hooks that feed them: libvirt
/// calls (through <see cref="LibvirtCall"/>, the one path every checked native call takes), events delivered and
/// lost (subscriptions), reconnection attempts (the resilient connection).
/// </summary>
/// <remarks>
/// Cost when nobody listens: <see cref="IsEnabled"/> reads three fields, and the hooks return after the same checks;
/// nothing is allocated. Tags are low-cardinality by construction: the C function name (a compile-time constant of
/// this library), an outcome, libvirt's error code, a fixed event kind — never a domain name or a URI.
/// </remarks>
internal static class LibvirtDiagnostics
{
    internal const string ApiTag = "libvirt.api";
    internal const string OutcomeTag = "libvirt.outcome";
    internal const string ErrorCodeTag = "libvirt.error.code";
    internal const string ErrorDomainTag = "libvirt.error.domain";
    internal const string EventTag = "libvirt.event";
    internal const string Ok = "ok";
    internal const string Error = "error";

    private static readonly string? Version = typeof(LibvirtDiagnostics).Assembly.GetName().Version?.ToString(3);

    internal static readonly ActivitySource Source = new(LibvirtTelemetry.ActivitySourceName, Version);

    internal static readonly Meter Meter = new(LibvirtTelemetry.MeterName, Version);

    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "libvirtnested.calls", "{call}", "libvirt API calls made, by API (libvirt.api) and outcome (libvirt.outcome, libvirt.error.code).");

    // Local drivers answer in microseconds, a remote daemon in milliseconds, a domain start in seconds: finer buckets
    // than OpenTelemetry's default (made for milliseconds).
    internal static readonly Histogram<double> CallDuration = Meter.CreateHistogram(
        "libvirtnested.call.duration",
        "s",
        "Duration of libvirt API calls, by API and outcome.",
        tags: null,
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
        });

    internal static readonly Counter<long> EventsDelivered = Meter.CreateCounter<long>(
        "libvirtnested.events.delivered", "{event}", "libvirt events handed to subscribers' buffers, by kind (libvirt.event).");

    internal static readonly Counter<long> EventsDropped = Meter.CreateCounter<long>(
        "libvirtnested.events.lost", "{event}", "libvirt events dropped because a subscriber's buffer was full, by kind (libvirt.event).");

    internal static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "libvirtnested.reconnects", "{attempt}", "Attempts to reopen a lost connection, by outcome (libvirt.outcome).");

    /// <summary>Whether a libvirt call has to be timed: some listener wants the call metrics or the spans.</summary>
    internal static bool IsEnabled => Calls.Enabled || CallDuration.Enabled || Source.HasListeners();

    /// <summary>
    /// Records one finished libvirt call that <see cref="LibvirtCall.Begin"/> timed (from <paramref name="started"/>, a
    /// <see cref="Stopwatch"/> timestamp): counter, histogram and a span covering exactly the native call.
    /// </summary>
    internal static void RecordCall(string function, long started, LibvirtErrorInfo? error)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var outcome = error is null ? Ok : Error;
        var tags = new TagList { { ApiTag, function }, { OutcomeTag, outcome } };
        if (error is not null)
        {
            tags.Add(ErrorCodeTag, error.Code);
        }

        Calls.Add(1, tags);
        CallDuration.Record(elapsed.TotalSeconds, tags);

        // The span is made after the fact, with the call's start time: starting it before the native call would leave
        // Activity.Current pointing at it whenever argument marshalling threw between Begin and the check.
        if (Source.HasListeners())
        {
            RecordSpan(function, elapsed, error);
        }
    }

    /// <summary>Hook for subscriptions: <paramref name="count"/> events of <paramref name="kind"/> reached a subscriber's buffer.</summary>
    internal static void EventDelivered(string kind, long count = 1)
    {
        if (EventsDelivered.Enabled)
        {
            EventsDelivered.Add(count, new KeyValuePair<string, object?>(EventTag, kind));
        }
    }

    /// <summary>Hook for subscriptions: <paramref name="count"/> events of <paramref name="kind"/> were dropped (buffer full).</summary>
    internal static void EventsLost(string kind, long count = 1)
    {
        if (EventsDropped.Enabled)
        {
            EventsDropped.Add(count, new KeyValuePair<string, object?>(EventTag, kind));
        }
    }

    /// <summary>Hook for the resilient connection: one attempt to reopen a lost connection ended.</summary>
    internal static void ReconnectAttempted(bool succeeded)
    {
        if (Reconnects.Enabled)
        {
            Reconnects.Add(1, new KeyValuePair<string, object?>(OutcomeTag, succeeded ? Ok : Error));
        }
    }

    private static void RecordSpan(string function, TimeSpan elapsed, LibvirtErrorInfo? error)
    {
        using var activity = Source.StartActivity(function, ActivityKind.Client, parentContext: default, startTime: DateTimeOffset.UtcNow - elapsed);
        if (activity is null)
        {
            return;
        }

        activity.SetTag(ApiTag, function);
        activity.SetTag(OutcomeTag, error is null ? Ok : Error);
        if (error is not null)
        {
            var codeName = LibvirtErrorNames.Code(error.Code) ?? error.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            activity.SetTag(ErrorCodeTag, error.Code);
            activity.SetTag(ErrorDomainTag, error.Domain);
            activity.SetTag("error.type", codeName);

            // libvirt's message names domains and hosts: the span gets the code's name only.
            activity.SetStatus(ActivityStatusCode.Error, codeName);
        }

        activity.SetEndTime(activity.StartTimeUtc + elapsed);
    }
}
