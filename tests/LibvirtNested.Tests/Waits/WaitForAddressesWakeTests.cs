using NUnit.Framework;

namespace LibvirtNested.Tests.Waits;

/// <summary>
/// <see cref="LibvirtDomain.WaitForAddressesAsync"/> polls again at once on a domain event instead of sleeping out its
/// poll interval. The interval here is the maximum (one minute) and each test waits at most 30 s for the second poll,
/// so only an event can bring it; the interfaces wanted never appear, so the wait goes on until cancelled.
/// </summary>
public class WaitForAddressesWakeTests : TestDriverFixture
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Test]
    public async Task The_agent_connecting_brings_the_next_poll_forward()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "aw-agent");
        defined.Domain.Start();
        using var polls = new PollCounter();
        using var cancel = new CancellationTokenSource();
        using (var inject = new InjectedDomainEvents(Connection, defined.Domain))
        {
            var waiting = defined.Domain.WaitForAddressesAsync(Timeout.InfiniteTimeSpan, polls.Options(DomainAddressSource.Agent), cancel.Token);
            Assert.That(polls.WaitFor(1, Generous), Is.True, "the first poll");

            inject.AgentLifecycle(DomainAgentState.Connected);

            Assert.That(polls.WaitFor(2, Generous), Is.True, "a second poll within 30 s, where the interval is 60 s");
            await cancel.CancelAsync();
            await Assert.ThatAsync(() => waiting, Throws.InstanceOf<OperationCanceledException>());
        }

        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_lifecycle_event_brings_the_next_poll_forward()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "aw-life");
        defined.Domain.Start();
        using var polls = new PollCounter();
        using var cancel = new CancellationTokenSource();

        var waiting = defined.Domain.WaitForAddressesAsync(Timeout.InfiniteTimeSpan, polls.Options(DomainAddressSource.Lease), cancel.Token);
        Assert.That(polls.WaitFor(1, Generous), Is.True, "the first poll");
        defined.Domain.Suspend(); // VIR_DOMAIN_EVENT_SUSPENDED
        defined.Domain.Resume(); // VIR_DOMAIN_EVENT_RESUMED

        Assert.That(polls.WaitFor(2, Generous), Is.True, "a second poll within 30 s, where the interval is 60 s");
        await cancel.CancelAsync();
        await Assert.ThatAsync(() => waiting, Throws.InstanceOf<OperationCanceledException>());
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task Without_events_the_poll_interval_still_applies_and_the_timeout_still_ends_the_wait()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "aw-quiet");
        defined.Domain.Start();
        var options = new DomainAddressWaitOptions { Interfaces = ["never"], PollInterval = TimeSpan.FromMilliseconds(50) };

        await Assert.ThatAsync(() => defined.Domain.WaitForAddressesAsync(TimeSpan.FromMilliseconds(300), options), Throws.TypeOf<TimeoutException>());

        WaitAssert.NothingLeaked(before);
    }

    /// <summary>Counts polls (the options' progress reports) and lets the test wait for the n-th.</summary>
    private sealed class PollCounter : IProgress<IReadOnlyList<DomainInterfaceAddresses>>, IDisposable
    {
        private readonly SemaphoreSlim reported = new(0);
        private int seen;

        public DomainAddressWaitOptions Options(DomainAddressSource source) => new()
        {
            Source = source,
            Interfaces = ["never"],
            PollInterval = DomainAddressWaitOptions.MaximumPollInterval,
            Progress = this,
        };

        public void Report(IReadOnlyList<DomainInterfaceAddresses> value) => reported.Release();

        public bool WaitFor(int count, TimeSpan timeout)
        {
            while (seen < count)
            {
                if (!reported.Wait(timeout))
                {
                    return false;
                }

                seen++;
            }

            return true;
        }

        public void Dispose() => reported.Dispose();
    }
}
