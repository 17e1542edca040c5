using NUnit.Framework;

namespace LibvirtNested.Tests.Events;

/// <summary>
/// Issue 9's event correctness proof on the in-process test driver: a thousand domains go through their whole
/// lifecycle on several threads at once while one subscription (all domains) counts what it receives.
/// </summary>
[NonParallelizable]
public class LifecycleEventCorrectnessTests : TestDriverFixture
{
    private const int Domains = 1000;
    private const int Producers = 4;

    /// <summary>What one domain's define → start → suspend → resume → destroy → undefine emits, in order (libvirt-domain.h detail values).</summary>
    private static readonly (DomainLifecycleEventType Type, int Detail)[] Lifecycle =
    [
        (DomainLifecycleEventType.Defined, 0),     // VIR_DOMAIN_EVENT_DEFINED_ADDED
        (DomainLifecycleEventType.Started, 0),     // VIR_DOMAIN_EVENT_STARTED_BOOTED
        (DomainLifecycleEventType.Suspended, 0),   // VIR_DOMAIN_EVENT_SUSPENDED_PAUSED
        (DomainLifecycleEventType.Resumed, 0),     // VIR_DOMAIN_EVENT_RESUMED_UNPAUSED
        (DomainLifecycleEventType.Stopped, 1),     // VIR_DOMAIN_EVENT_STOPPED_DESTROYED
        (DomainLifecycleEventType.Undefined, 0),   // VIR_DOMAIN_EVENT_UNDEFINED_REMOVED
    ];

    [Test]
    public async Task A_thousand_domains_through_their_lifecycle_every_event_exactly_once_in_order_per_domain()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var prefix = TestDriver.UniqueName("evk")[..16] + "-";
        var sentinel = prefix + "sentinel";
        var names = Enumerable.Range(0, Domains).Select(i => $"{prefix}{i:D4}").ToArray();

        // Room for every event: the proof is that none is lost, so the buffer must not be what drops one.
        var events = Connection.WatchDomainLifecycleAsync(null, (Domains * Lifecycle.Length) + 64, timeout.Token);
        var received = new List<DomainLifecycleEvent>();
        long lost = 0;
        var consuming = Task.Run(
            async () =>
            {
                await foreach (var item in events)
                {
                    if (item is EventsLostEvent gap)
                    {
                        lost += gap.Count;
                    }
                    else if (item is DomainLifecycleEvent lifecycle && lifecycle.DomainName.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        received.Add(lifecycle);

                        // libvirt dispatches in the order it queued: once the sentinel's last event is here, every
                        // event of the thousand domains (and any duplicate of one) has been delivered.
                        if (lifecycle.DomainName == sentinel && lifecycle.Type == DomainLifecycleEventType.Undefined)
                        {
                            return;
                        }
                    }
                }
            },
            timeout.Token);

        var uuids = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(
            () =>
            {
                for (var i = p; i < Domains; i += Producers)
                {
                    using var domain = Connection.DefineDomain(TestDriver.DomainXmlText(names[i]), DomainDefineOptions.None); // No schema pass: the events are the subject.
                    uuids[names[i]] = domain.Uuid.ToString();
                    domain.Start();
                    TestNative.Suspend(domain);
                    TestNative.Resume(domain);
                    domain.Destroy();
                    domain.Undefine();
                }
            },
            timeout.Token)).ToArray();
        await Task.WhenAll(producers);
        using (var last = Connection.DefineDomain(TestDriver.DomainXmlText(sentinel)))
        {
            last.Undefine();
        }

        await consuming;

        var byDomain = received.Where(e => e.DomainName != sentinel).GroupBy(e => e.DomainName).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.That(lost, Is.Zero, "events lost");
        Assert.That(byDomain.Keys, Is.EquivalentTo(names), "every domain's events, and no other's");
        var wrong = byDomain
            .Where(d => !d.Value.Select(e => (e.Type, e.Detail)).SequenceEqual(Lifecycle) || d.Value.Any(e => e.DomainUuid != uuids[d.Key]))
            .Select(d => $"{d.Key}: {string.Join(", ", d.Value.Select(e => $"{e.Type}/{e.Detail} {e.DomainUuid}"))} (uuid {uuids[d.Key]})")
            .ToList();
        Assert.That(wrong, Is.Empty, "domains whose events are not exactly define, start, suspend, resume, destroy, undefine, once each, in order, with their UUID");
        Assert.That(received.Where(e => e.DomainName != sentinel).Count(), Is.EqualTo(Domains * Lifecycle.Length));
    }
}
