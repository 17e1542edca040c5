using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace LibvirtNested.AotSmoke;

/// <summary>The logging, metrics and tracing hooks: an ILoggerFactory on the options, the meter and the activity source.</summary>
internal static class TelemetryArea
{
    public static void Run(SmokeRun run)
    {
        var logged = new RecordingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logged));
        long calls = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == LibvirtTelemetry.MeterName)
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) =>
        {
            if (instrument.Name == "libvirtnested.calls")
            {
                Interlocked.Add(ref calls, value);
            }
        });
        listener.Start();
        var spans = new List<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LibvirtTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity.OperationName);
                }
            },
        };
        ActivitySource.AddActivityListener(activities);

        using (var connection = LibvirtConnection.Open(NativeArea.Uri, new LibvirtConnectionOptions { LoggerFactory = loggerFactory }))
        {
            run.Throws<LibvirtNotFoundException>("telemetry: a failing call", () => connection.GetDomain("aot-no-such-guest"));
        }

        listener.RecordObservableInstruments();
        run.Check("metrics: libvirt calls counted", Interlocked.Read(ref calls) > 0);
        lock (spans)
        {
            run.Check("traces: a span named after the C function", spans.Contains("virDomainLookupByName"), string.Join(',', spans));
        }

        var ids = logged.EventIds;
        run.Check("logging: opened, the libvirt error and closed, by their stable ids",
            ids.Contains(LibvirtLogEvents.ConnectionOpened) && ids.Contains(LibvirtLogEvents.LibvirtError) && ids.Contains(LibvirtLogEvents.ConnectionClosed),
            string.Join(',', ids));
    }

    /// <summary>Collects event ids; a provider written for this app so no console logger is needed.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly List<int> eventIds = [];

        public IReadOnlyList<int> EventIds
        {
            get
            {
                lock (eventIds)
                {
                    return [.. eventIds];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Recorder(this);

        public void Dispose()
        {
        }

        private sealed class Recorder(RecordingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                _ = formatter(state, exception);
                lock (owner.eventIds)
                {
                    owner.eventIds.Add(eventId.Id);
                }
            }
        }
    }
}
