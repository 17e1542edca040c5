using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// The <c>events</c> mode: lifecycle event throughput and latency through <c>WatchDomainLifecycleAsync</c>, against
/// libvirt-python's default event loop doing the same (<c>benchmarks/events/libvirt_python_events.py</c>), the two
/// run alternately in one run, each in a fresh process state (python: a process per round; C#: a connection,
/// domain and subscription per round).
/// </summary>
/// <remarks>
/// The workload, identical on both sides: on <c>test:///default</c>, one running domain is suspended and resumed by
/// the producer thread, each call emitting one lifecycle event (Suspended, Resumed); one subscription (filtered to
/// that domain) consumes them. <b>Latency</b> of an event = the consumer's monotonic clock when it receives the
/// event − the producer's monotonic clock just before the libvirt call that emits it (Stopwatch and
/// time.perf_counter_ns both read CLOCK_MONOTONIC). C#'s consumer is an <c>await foreach</c> on a thread-pool
/// thread; python's is the callback libvirt-python runs on its loop thread, reading the domain's name and UUID as
/// the library does for every event. Figures:
/// <list type="bullet">
/// <item><i>throughput</i>: N calls back to back; events/s = N / (before the first call → the N-th event received);
/// the per-event latencies under that load are mostly queueing behind the producer.</item>
/// <item><i>latency</i>: M calls one at a time, each waiting until the consumer has its event (no queueing);
/// p50/p99/max.</item>
/// <item><i>CPU per event</i>: the process's user+system time over the throughput part, per event.</item>
/// </list>
/// The C# subscription's buffer holds N events, so nothing is dropped (python's libvirt queue is unbounded).
/// </remarks>
public static class EventBenchmark
{
    private const int WarmupEvents = 20_000;

    /// <summary>One side's figures of one round.</summary>
    public sealed record Figures(
        double EventsPerSecond,
        double CallsPerSecond,
        double CpuUsPerEvent,
        double LoadedP50Us,
        double LoadedP99Us,
        double P50Us,
        double P99Us,
        double MaxUs,
        double LoopP50Us = double.NaN,
        double HopP50Us = double.NaN);

    public static int Run(int events, int rounds, int pings)
    {
        var python = Environment.GetEnvironmentVariable("LIBVIRTNESTED_PYTHON") ?? "/usr/bin/python3";
        var script = Path.Combine(BenchPaths.RepositoryRoot, "benchmarks", "events", "libvirt_python_events.py");
        Console.WriteLine($"{events} events back to back and {pings} one at a time per round, {rounds} rounds, python and C# alternately; python: {python}");
        var py = new List<Figures>();
        var cs = new List<Figures>();
        for (var round = 1; round <= rounds; round++)
        {
            py.Add(RunPython(python, script, events, pings));
            Print($"round {round} python", py[^1]);
            cs.Add(RunCSharp(events, pings, round));
            Print($"round {round} C#", cs[^1]);
        }

        var pyMedian = Median(py);
        var csMedian = Median(cs);
        Print("median python", pyMedian);
        Print("median C#", csMedian);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"=> C# / python: throughput {csMedian.EventsPerSecond / pyMedian.EventsPerSecond:F2}x (higher is better); latency p50 {csMedian.P50Us / pyMedian.P50Us:F2}x, p99 {csMedian.P99Us / pyMedian.P99Us:F2}x (lower is better); CPU per event {csMedian.CpuUsPerEvent / pyMedian.CpuUsPerEvent:F2}x (medians of {rounds} alternating rounds)"));
        return 0;
    }

    /// <summary>The C# side alone, one round (for <c>perf</c> or <c>strace</c>).</summary>
    public static void RunCSharpOnly(int events, int pings) => Print("C#", RunCSharp(events, pings, 1));

    /// <summary>The C# side of one round: a connection, a running domain and one subscription of its own.</summary>
    public static Figures RunCSharp(int events, int pings, int round)
    {
        using var connection = LibvirtConnection.Open("test:///default");
        var name = string.Create(CultureInfo.InvariantCulture, $"csbench-{Environment.ProcessId}-{round}");
        using var domain = connection.DefineDomain(DomainXml(name), DomainDefineOptions.None);
        domain.Start();
        var consumer = new Consumer(Math.Max(Math.Max(events, WarmupEvents), pings));
        using var stop = new CancellationTokenSource();
        var consuming = consumer.RunAsync(connection.WatchDomainLifecycleAsync(name, Math.Max(events, WarmupEvents) + 16, stop.Token));
        var pauser = new Pauser(domain);
        try
        {
            Throughput(pauser, consumer, Math.Min(events, WarmupEvents));
            var result = Throughput(pauser, consumer, events);
            var (p50, p99, max, loop, hop) = Latency(pauser, consumer, pings);
            if (consumer.Lost != 0 || consumer.Wrong != 0)
            {
                throw new InvalidOperationException($"{consumer.Lost} events lost, {consumer.Wrong} of an unexpected type");
            }

            return result with { P50Us = p50, P99Us = p99, MaxUs = max, LoopP50Us = loop, HopP50Us = hop };
        }
        finally
        {
            stop.Cancel();
            try
            {
                consuming.Wait();
            }
            catch (AggregateException e) when (e.InnerException is OperationCanceledException)
            {
            }

            domain.Destroy();
            domain.Undefine();
        }
    }

    private static Figures Throughput(Pauser pauser, Consumer consumer, int n)
    {
        var sent = new long[n];
        consumer.Expect(n);
        var cpu = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < n; i++)
        {
            sent[i] = Stopwatch.GetTimestamp();
            pauser.Toggle();
        }

        var callsDone = Stopwatch.GetTimestamp();
        consumer.Wait(TimeSpan.FromSeconds(60), n);
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        var received = consumer.Received;
        var latencies = new double[n];
        for (var i = 0; i < n; i++)
        {
            latencies[i] = Stopwatch.GetElapsedTime(sent[i], received[i]).TotalMicroseconds;
        }

        Array.Sort(latencies);
        return new Figures(
            EventsPerSecond: n / Stopwatch.GetElapsedTime(sent[0], received[n - 1]).TotalSeconds,
            CallsPerSecond: n / Stopwatch.GetElapsedTime(sent[0], callsDone).TotalSeconds,
            CpuUsPerEvent: cpuSeconds * 1e6 / n,
            LoadedP50Us: Percentile(latencies, 0.50),
            LoadedP99Us: Percentile(latencies, 0.99),
            P50Us: 0,
            P99Us: 0,
            MaxUs: 0);
    }

    /// <summary>
    /// One event at a time; also splits each latency at the event's <see cref="LibvirtEvent.Timestamp"/> (taken when the
    /// library's callback ran on the loop thread, by the wall clock, hence read against a wall-clock start): the
    /// libvirt part (call, queue, loop wake-up, name and UUID) and the hop from the loop thread to the consumer.
    /// </summary>
    private static (double P50, double P99, double Max, double LoopP50, double HopP50) Latency(Pauser pauser, Consumer consumer, int pings)
    {
        var latencies = new double[pings];
        var loop = new double[pings];
        var hop = new double[pings];
        for (var i = 0; i < pings; i++)
        {
            consumer.Expect(1);
            var wallSent = DateTimeOffset.UtcNow;
            var sent = Stopwatch.GetTimestamp();
            pauser.Toggle();
            consumer.Wait(TimeSpan.FromSeconds(30), 1);
            latencies[i] = Stopwatch.GetElapsedTime(sent, consumer.Received[0]).TotalMicroseconds;
            loop[i] = (consumer.LastTimestamp - wallSent).TotalMicroseconds;
            hop[i] = latencies[i] - loop[i];
        }

        Array.Sort(latencies);
        Array.Sort(loop);
        Array.Sort(hop);
        return (Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], Percentile(loop, 0.50), Percentile(hop, 0.50));
    }

    private static Figures RunPython(string python, string script, int events, int pings)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(events.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(pings.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{python} {script} exited with {process.ExitCode} (python3-libvirt installed? apt-get install python3-libvirt):\n{output}{errors.Result}");
        }

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        if (root.GetProperty("wrong_events").GetInt32() != 0)
        {
            throw new InvalidOperationException("python saw events of an unexpected type: " + output);
        }

        double Get(string property) => root.GetProperty(property).GetDouble();
        return new Figures(
            Get("events_per_s"),
            Get("calls_per_s"),
            Get("cpu_us_per_event"),
            Get("loaded_p50_us"),
            Get("loaded_p99_us"),
            Get("p50_us"),
            Get("p99_us"),
            Get("max_us"));
    }

    /// <summary>The smallest domain the test driver starts, the same as the python side's.</summary>
    internal static string DomainXml(string name) => $"<domain type='test'><name>{name}</name><memory>131072</memory><os><type>hvm</type></os></domain>";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    private static Figures Median(List<Figures> runs)
    {
        double M(Func<Figures, double> figure)
        {
            var sorted = runs.Select(figure).Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        return new Figures(
            M(f => f.EventsPerSecond),
            M(f => f.CallsPerSecond),
            M(f => f.CpuUsPerEvent),
            M(f => f.LoadedP50Us),
            M(f => f.LoadedP99Us),
            M(f => f.P50Us),
            M(f => f.P99Us),
            M(f => f.MaxUs),
            M(f => f.LoopP50Us),
            M(f => f.HopP50Us));
    }

    private static void Print(string label, Figures f) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{label,-16} throughput {f.EventsPerSecond,9:F0} events/s (producer alone {f.CallsPerSecond,7:F0} calls/s), CPU {f.CpuUsPerEvent,5:F2} us/event, under load p50/p99 {f.LoadedP50Us / 1000,7:F1}/{f.LoadedP99Us / 1000,7:F1} ms; one at a time p50 {f.P50Us,6:F1} us, p99 {f.P99Us,7:F1} us, max {f.MaxUs,8:F1} us{(double.IsNaN(f.LoopP50Us) ? "" : $" (p50 call to loop thread {f.LoopP50Us:F1} us, loop thread to consumer {f.HopP50Us:F1} us)")}"));

    /// <summary>Suspends and resumes one running domain alternately: one lifecycle event per call.</summary>
    private sealed class Pauser(LibvirtDomain domain)
    {
        private bool paused;

        public void Toggle()
        {
            if (paused)
            {
                DomainPause.Resume(domain);
            }
            else
            {
                DomainPause.Suspend(domain);
            }

            paused = !paused;
        }
    }

    /// <summary>The consuming loop: stamps each event as it arrives and wakes the producer when the expected count is in.</summary>
    private sealed class Consumer(int size)
    {
        private readonly ManualResetEventSlim arrived = new(false, spinCount: 1);
        private int count;
        private int expected = int.MaxValue;

        /// <summary>Receive times (Stopwatch ticks) of the events since the last <see cref="Expect"/>.</summary>
        public long[] Received { get; } = new long[size];

        public long Lost { get; private set; }

        public int Wrong { get; private set; }

        /// <summary>The last event's own timestamp (taken on the loop thread).</summary>
        public DateTimeOffset LastTimestamp { get; private set; }

        /// <summary>Starts a new count; call before the libvirt calls whose events it waits for.</summary>
        public void Expect(int n)
        {
            arrived.Reset();
            Volatile.Write(ref count, 0);
            Volatile.Write(ref expected, n);
        }

        public void Wait(TimeSpan timeout, int n)
        {
            if (!arrived.Wait(timeout))
            {
                throw new TimeoutException($"only {Volatile.Read(ref count)} of {n} events arrived within {timeout.TotalSeconds} s");
            }
        }

        public async Task RunAsync(IAsyncEnumerable<LibvirtEvent> events)
        {
            await foreach (var item in events.ConfigureAwait(false))
            {
                var now = Stopwatch.GetTimestamp();
                switch (item)
                {
                    case DomainLifecycleEvent lifecycle:
                        if (lifecycle.Type is not (DomainLifecycleEventType.Suspended or DomainLifecycleEventType.Resumed))
                        {
                            Wrong++;
                        }

                        LastTimestamp = lifecycle.Timestamp;
                        var index = count;
                        Received[index] = now;
                        Volatile.Write(ref count, index + 1);
                        if (index + 1 == Volatile.Read(ref expected))
                        {
                            arrived.Set();
                        }

                        break;
                    case EventsLostEvent lost:
                        Lost += lost.Count;
                        break;
                }
            }
        }
    }
}
