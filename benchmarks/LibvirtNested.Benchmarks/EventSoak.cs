using System.Diagnostics;
using System.Globalization;
using LibvirtNested.Interop;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// The <c>event-soak</c> mode: a million lifecycle events through one subscription (a running domain on
/// <c>test:///default</c> suspended and resumed), watching resident memory (VmRSS), threads and open descriptors
/// (<c>/proc/self</c>) and the library's live libvirt registrations: a leaked event, callback handle, native
/// string or thread shows up as growth after the warm-up.
/// </summary>
/// <remarks>
/// The producer keeps at most <see cref="Window"/> events in flight (it waits for the consumer beyond that), well
/// under the subscription's 1,024-event buffer, so every event must arrive: the soak also checks that none is
/// lost and that they arrive in order (Suspended, Resumed alternately).
/// Threads are judged in two parts. Every thread that is not a thread-pool worker (the runtime's own, libvirt's event
/// loop thread, any a leak would add) must stay exactly as after the warm-up. The pool's workers come and go on the
/// pool's own policy — on a loaded machine its starvation detection adds several during the run (seen: 3 → 10 between
/// 100,000 and 200,000 events, then flat) — so for them "flat" means no growth over the run's second half.
/// </remarks>
public static class EventSoak
{
    private const long AllowedGrowthBytes = 5L * 1024 * 1024;
    private const int Capacity = 1024;
    private const int Window = 512;


    public static int Run(int events, int warmup)
    {
        var before = ProcessFigures.Now();
        Console.WriteLine($"start                     {before}, live registrations {EventHub.Live}");
        using var connection = LibvirtConnection.Open("test:///default");
        var name = string.Create(CultureInfo.InvariantCulture, $"soak-{Environment.ProcessId}");
        using var domain = connection.DefineDomain(EventBenchmark.DomainXml(name), DomainDefineOptions.None);
        domain.Start();

        using var window = new SemaphoreSlim(Window, Window);
        using var stop = new CancellationTokenSource();
        var received = 0L;
        var outOfOrder = 0L;
        var lost = 0L;
        var consuming = Task.Run(async () =>
        {
            var expected = DomainLifecycleEventType.Suspended;
            await foreach (var item in connection.WatchDomainLifecycleAsync(name, Capacity, stop.Token).ConfigureAwait(false))
            {
                if (item is EventsLostEvent gap)
                {
                    lost += gap.Count;
                    continue;
                }

                if (item is DomainLifecycleEvent lifecycle)
                {
                    outOfOrder += lifecycle.Type == expected ? 0 : 1;
                    expected = lifecycle.Type == DomainLifecycleEventType.Suspended ? DomainLifecycleEventType.Resumed : DomainLifecycleEventType.Suspended;
                    Interlocked.Increment(ref received);
                    window.Release();
                }
            }
        });

        // The subscription is registered by the call inside the task: wait for it before producing.
        SpinWait.SpinUntil(() => EventHub.Live > 0, TimeSpan.FromSeconds(10));
        var open = ProcessFigures.Now();
        Console.WriteLine($"connection, subscription  {open}, live registrations {EventHub.Live}");

        var paused = false;
        var warm = default(ProcessFigures);
        var half = default(ProcessFigures);
        var started = Stopwatch.StartNew();
        for (var i = 1; i <= events; i++)
        {
            if (!window.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"no event for 30 s after {Interlocked.Read(ref received)} of {i - 1}");
            }

            if (paused)
            {
                DomainPause.Resume(domain);
            }
            else
            {
                DomainPause.Suspend(domain);
            }

            paused = !paused;
            if (i == warmup || i == events / 2 || i % 100_000 == 0)
            {
                var now = ProcessFigures.Now();
                warm = i == warmup ? now : warm;
                half = i == events / 2 ? now : half;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(i == warmup ? "after warm-up" : "progress"),-13} {i,9:N0}  {now}, live registrations {EventHub.Live}"));
            }
        }

        SpinWait.SpinUntil(() => Interlocked.Read(ref received) == events, TimeSpan.FromSeconds(30));
        var elapsed = started.Elapsed;
        var end = ProcessFigures.Now();

        // A descriptor or thread the runtime holds for a moment (a pipe pair, a thread-pool thread about to retire)
        // is not a leak: a leak is what stays, so look again a few times before judging.
        for (var look = 0; look < 5 && (end.Descriptors > warm.Descriptors || end.OtherThreads > warm.OtherThreads); look++)
        {
            Thread.Sleep(200);
            end = ProcessFigures.Now();
        }

        var liveSubscribed = EventHub.Live;
        stop.Cancel();
        try
        {
            consuming.Wait();
        }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException)
        {
        }

        // The last subscription out deregisters; libvirt then releases the callback's opaque from its loop.
        SpinWait.SpinUntil(() => EventHub.Live == 0, TimeSpan.FromSeconds(10));
        var liveAfter = EventHub.Live;
        domain.Destroy();
        domain.Undefine();

        var growth = end.RssBytes - warm.RssBytes;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{events:N0} events in {elapsed.TotalSeconds:F1} s ({events / elapsed.TotalSeconds:F0} events/s), received {Interlocked.Read(ref received):N0}, lost {lost}, out of order {outOfOrder}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"after warm-up → end: VmRSS {warm.RssBytes / 1048576.0:F2} → {end.RssBytes / 1048576.0:F2} MB (growth {growth / 1048576.0:F2} MB, limit 5 MB), threads {warm.Threads} → {end.Threads} (not the pool's {warm.OtherThreads} → {end.OtherThreads}; pool workers {warm.PoolThreads} → {half.PoolThreads} at half-way → {end.PoolThreads}), open fds {warm.Descriptors} → {end.Descriptors}, live registrations {liveSubscribed} while subscribed, {liveAfter} after the subscription ended"));
        var ok = Interlocked.Read(ref received) == events && lost == 0 && outOfOrder == 0
            && growth < AllowedGrowthBytes && end.OtherThreads <= warm.OtherThreads && end.PoolThreads <= half.PoolThreads
            && end.Descriptors <= warm.Descriptors
            && liveSubscribed == 1 && liveAfter == 0;
        Console.WriteLine(ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }
}
