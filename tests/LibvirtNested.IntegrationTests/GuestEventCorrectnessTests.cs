using System.Collections.Concurrent;
using System.Diagnostics;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>
/// Lifecycle events of real TCG guests on the daemon, counted by one subscriber while four workers define, start,
/// destroy and undefine them: every event arrives exactly once and each guest's events keep their order.
/// </summary>
[DependsOnFixture(typeof(ResilienceTests), AllowFailure = true)]
[NonParallelizable]
public class GuestEventCorrectnessTests
{
    private const int Guests = 50;

    [Test]
    public async Task Fifty_tcg_guests_every_lifecycle_event_exactly_once_and_in_order_per_guest()
    {
        using var connection = Daemon.Connect();
        var run = Daemon.UniqueName("ev");
        var names = Enumerable.Range(1, Guests).Select(i => $"{run}-{i:D2}").ToList();
        var received = new ConcurrentDictionary<string, List<DomainLifecycleEvent>>(StringComparer.Ordinal);
        long lost = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var events = connection.WatchDomainLifecycleAsync(null, 4096, timeout.Token);
        var undefined = 0;
        var counting = Task.Run(
            async () =>
            {
                await foreach (var e in events)
                {
                    if (e is EventsLostEvent gap)
                    {
                        lost += gap.Count;
                    }
                    else if (e is DomainLifecycleEvent lifecycle && lifecycle.DomainName.StartsWith(run, StringComparison.Ordinal))
                    {
                        received.GetOrAdd(lifecycle.DomainName, _ => []).Add(lifecycle);
                        if (lifecycle.Type == DomainLifecycleEventType.Undefined && ++undefined == Guests)
                        {
                            return;
                        }
                    }
                }
            },
            timeout.Token);

        var clock = Stopwatch.StartNew();
        try
        {
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = timeout.Token }, (name, _) =>
            {
                using var domain = connection.DefineDomain(LibvirtNested.IntegrationTests.Guests.Minimal(name));
                domain.Start();
                domain.Destroy();
                domain.Undefine();
                return ValueTask.CompletedTask;
            });
            var cycled = clock.Elapsed;
            await counting.WaitAsync(timeout.Token);
            TestContext.Out.WriteLine($"{Guests} TCG guests defined, started, destroyed, undefined by 4 workers in {cycled.TotalSeconds:F1} s; last event counted after {clock.Elapsed.TotalSeconds:F1} s; {received.Values.Sum(l => l.Count)} events, {lost} lost");
        }
        finally
        {
            foreach (var name in names)
            {
                if (connection.TryGetDomain(name, out var left))
                {
                    using (left)
                    {
                        if (left.IsActive)
                        {
                            left.Destroy();
                        }

                        left.Undefine();
                    }
                }
            }
        }

        Assert.That(lost, Is.Zero, "the buffer of 4,096 held every event");
        Assert.That(received.Keys, Is.EquivalentTo(names), "every guest's events arrived");
        foreach (var name in names)
        {
            var types = received[name].Select(e => e.Type).ToList();

            // Destroy sends qemu SIGTERM; qemu may report it as a host shutdown (Shutdown) before libvirt reports Stopped.
            var withoutShutdown = types.Where(t => t != DomainLifecycleEventType.Shutdown).ToList();
            Assert.That(withoutShutdown, Is.EqualTo(new[]
            {
                DomainLifecycleEventType.Defined, DomainLifecycleEventType.Resumed, DomainLifecycleEventType.Started,
                DomainLifecycleEventType.Stopped, DomainLifecycleEventType.Undefined,
            }), $"{name}: {string.Join(", ", types)}");
            Assert.That(types.Count(t => t == DomainLifecycleEventType.Shutdown), Is.LessThanOrEqualTo(1), name);
            if (types.Contains(DomainLifecycleEventType.Shutdown))
            {
                Assert.That(types.IndexOf(DomainLifecycleEventType.Shutdown), Is.EqualTo(types.IndexOf(DomainLifecycleEventType.Stopped) - 1), $"{name}: Shutdown comes right before Stopped");
            }

            Assert.That(received[name].Select(e => e.DomainUuid).Distinct().Count(), Is.EqualTo(1), $"{name}: one UUID");
            Assert.That(received[name].Select(e => e.Timestamp), Is.Ordered, name);
        }
    }
}
