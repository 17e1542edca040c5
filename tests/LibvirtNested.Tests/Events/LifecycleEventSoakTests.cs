using System.Globalization;
using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Events;

/// <summary>
/// The soak's smaller sibling (the million-event run is the benchmark mode <c>event-soak</c>): three hundred thousand
/// lifecycle events through one subscription leave resident memory, threads, descriptors and live libvirt
/// registrations where they were after the warm-up.
/// </summary>
[NonParallelizable]
public class LifecycleEventSoakTests : TestDriverFixture
{
    private const int Events = 300_000;
    private const int Warmup = 50_000;
    private const int Window = 256; // Events in flight at most: well under the buffer, so none may be lost.
    // Leaking one event record (56 B and up) per event would add 14 MB over the 250,000 events after the warm-up; new
    // thread-pool workers (their stacks) account for up to a few MB on a loaded machine.
    private const long AllowedRssGrowthBytes = 12L * 1024 * 1024;

    [Test]
    public async Task Three_hundred_thousand_events_through_one_subscription_leave_memory_threads_and_descriptors_flat()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var name = TestDriver.UniqueName("ev-soak");
        using var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name));
        domain.Start();
        var liveBefore = EventHub.Live;
        using var window = new SemaphoreSlim(Window, Window);
        long received = 0;
        long outOfOrder = 0;
        long lost = 0;
        var watch = (LibvirtEventWatch)Connection.WatchDomainLifecycleAsync(name, 1024, timeout.Token);
        var consuming = Task.Run(
            async () =>
            {
                var expected = DomainLifecycleEventType.Suspended;
                await foreach (var item in watch)
                {
                    if (item is EventsLostEvent gap)
                    {
                        lost += gap.Count;
                    }
                    else if (item is DomainLifecycleEvent lifecycle)
                    {
                        outOfOrder += lifecycle.Type == expected ? 0 : 1;
                        expected = lifecycle.Type == DomainLifecycleEventType.Suspended ? DomainLifecycleEventType.Resumed : DomainLifecycleEventType.Suspended;
                        if (Interlocked.Increment(ref received) == Events)
                        {
                            return;
                        }

                        window.Release();
                    }
                }
            },
            timeout.Token);
        var liveSubscribed = EventHub.Live;

        Figures warm = default;
        for (var i = 1; i <= Events; i++)
        {
            Assert.That(await window.WaitAsync(TimeSpan.FromSeconds(30), timeout.Token), Is.True, $"no event for 30 s after {Interlocked.Read(ref received)} of {i - 1}");
            if (i % 2 == 1)
            {
                TestNative.Suspend(domain);
            }
            else
            {
                TestNative.Resume(domain);
            }

            if (i == Warmup)
            {
                warm = Figures.Now();
            }
        }

        await consuming;
        var end = Figures.Now();

        // A thread-pool thread about to retire or a descriptor the runtime holds for a moment is not a leak: a leak
        // is what stays, so look again a few times before judging.
        for (var look = 0; look < 10 && (end.OtherThreads > warm.OtherThreads || end.Descriptors > warm.Descriptors); look++)
        {
            await Task.Delay(200, timeout.Token);
            end = Figures.Now();
        }

        // Leaving the await foreach disposed the enumerator: the registration goes once libvirt releases it.
        await watch.Subscription.Hubs.Single().Freed.WaitAsync(timeout.Token);
        domain.Destroy();
        domain.Undefine();

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after warm-up {warm}; end {end}"));
        Assert.That((Interlocked.Read(ref received), lost, outOfOrder), Is.EqualTo((Events, 0L, 0L)), "(received, lost, out of order)");
        Assert.That(end.RssBytes - warm.RssBytes, Is.LessThan(AllowedRssGrowthBytes), "resident memory growth after the warm-up");
        // The thread pool's workers come and go on the pool's own policy (its starvation detection adds some on a loaded
        // machine); every other thread — the runtime's, libvirt's event loop thread, any a leak would add — must stay.
        Assert.That(end.OtherThreads, Is.LessThanOrEqualTo(warm.OtherThreads), "threads other than the thread pool's workers");
        Assert.That(end.Descriptors, Is.LessThanOrEqualTo(warm.Descriptors), "open descriptors");
        Assert.That(liveSubscribed, Is.EqualTo(liveBefore + 1), "one libvirt registration while subscribed");
        Assert.That(EventHub.Live, Is.EqualTo(liveBefore), "no registration left once the subscription ended");
    }

    /// <summary>Resident memory, threads (and how many are thread-pool workers) and open descriptors of this process (<c>/proc/self</c>).</summary>
    private readonly record struct Figures(long RssBytes, int Threads, int PoolThreads, int Descriptors)
    {
        public static Figures Now()
        {
            var status = File.ReadAllLines("/proc/self/status");
            long Field(string key) => long.Parse(
                status.Single(l => l.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim().Split(' ')[0],
                CultureInfo.InvariantCulture);
            return new Figures(Field("VmRSS") * 1024, (int)Field("Threads"), ThreadPool.ThreadCount, Directory.GetFiles("/proc/self/fd").Count(IsNotAnAssembly));
        }

        public int OtherThreads => Threads - PoolThreads;

        // The runtime opens an assembly the first time something needs it (System.Security.Cryptography.dll was
        // seen loading mid-run, twice): a one-time load, not a descriptor that grows with the events.
        private static bool IsNotAnAssembly(string descriptor)
        {
            try
            {
                return new FileInfo(descriptor).LinkTarget?.EndsWith(".dll", StringComparison.Ordinal) != true;
            }
            catch (IOException)
            {
                return true; // Closed between listing and reading: counted, as it was open when listed.
            }
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"VmRSS {RssBytes / 1048576.0:F2} MB, threads {Threads} ({PoolThreads} pool workers), open fds {Descriptors}");
    }
}
