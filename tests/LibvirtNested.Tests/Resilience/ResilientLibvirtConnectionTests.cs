using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Resilience;

/// <summary>
/// <see cref="ResilientLibvirtConnection"/> on the in-process test driver, with breaks acted out through the close
/// callback's report (<see cref="ConnectionCloseCallback.ReportClosed"/>): the reopen, the re-registration, the markers
/// and the snapshot are the library's own work and are proven here; that libvirt reports a real daemon's death, and
/// that a reopened connection to a restarted daemon delivers events, is proven on the daemon (integration tests).
/// </summary>
[NonParallelizable]
public class ResilientLibvirtConnectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Keeps test:///default's state across the acted-out breaks: the driver frees its one shared state when the last
    /// connection to it closes, and a resilient connection closes the broken one before it reopens (a daemon keeps
    /// its state across a client's reconnect; this connection plays that part).
    /// </summary>
    private LibvirtConnection? keeper;

    private static LibvirtConnectionOptions FastReconnect => new() { ReconnectDelay = TimeSpan.FromMilliseconds(10), ReconnectMaxDelay = TimeSpan.FromMilliseconds(50) };

    [SetUp]
    public void KeepTheDriverState() => keeper = LibvirtConnection.Open(TestDriver.Uri);

    [TearDown]
    public void ReleaseTheDriverState() => keeper?.Dispose();

    [Test]
    public async Task A_stream_survives_a_break_with_the_close_a_reconnected_marker_holding_the_domain_state_and_new_events()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var resilient = ResilientLibvirtConnection.Open(TestDriver.Uri, FastReconnect);
        var name = TestDriver.UniqueName("resilient");
        await using var events = resilient.WatchDomainLifecycleAsync(name, timeout.Token).GetAsyncEnumerator();
        using (resilient.Connection.DefineDomain(TestDriver.DomainXmlText(name)))
        {
        }

        var defined = await Next(events);
        var first = resilient.Connection;
        Break(first, LibvirtConnectionCloseReason.EndOfFile);
        var closed = await Next(events);
        var reconnected = await Next(events);
        using (var domain = (await resilient.GetConnectionAsync(timeout.Token)).GetDomain(name))
        {
            domain.Start();
            domain.Destroy();
            domain.Undefine();
        }

        var after = new[] { await Next(events), await Next(events), await Next(events) };

        Assert.That(defined, Is.InstanceOf<DomainLifecycleEvent>().With.Property(nameof(DomainLifecycleEvent.Type)).EqualTo(DomainLifecycleEventType.Defined));
        Assert.That(closed, Is.InstanceOf<ConnectionClosedEvent>().With.Property(nameof(ConnectionClosedEvent.Reason)).EqualTo(LibvirtConnectionCloseReason.EndOfFile));
        var marker = (ReconnectedEvent)reconnected;
        Assert.That(marker.Reconnects, Is.EqualTo(1));
        Assert.That(marker.Domains.Select(d => (d.DomainName, d.State.State)), Is.EqualTo(new[] { (name, DomainState.ShutOff) }));
        Assert.That(marker.Domains[0].DomainUuid, Is.EqualTo(((DomainLifecycleEvent)defined).DomainUuid));
        Assert.That(after.Cast<DomainLifecycleEvent>().Select(e => e.Type), Is.EqualTo(new[] { DomainLifecycleEventType.Started, DomainLifecycleEventType.Stopped, DomainLifecycleEventType.Undefined }));
        Assert.That(resilient.Reconnects, Is.EqualTo(1));
        Assert.That(resilient.Connection, Is.Not.SameAs(first));
    }

    [Test]
    public async Task A_break_and_the_reconnect_are_logged_with_their_event_ids()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var logs = new Diagnostics.RecordingLoggerFactory();
        var options = FastReconnect;
        options.LoggerFactory = logs;
        using var resilient = ResilientLibvirtConnection.Open(TestDriver.Uri, options);
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        resilient.Reconnected += (_, _) => back.TrySetResult();

        Break(resilient.Connection, LibvirtConnectionCloseReason.KeepAlive);
        await back.Task.WaitAsync(timeout.Token);

        var ids = logs.Entries.Select(e => e.EventId.Id).ToList();
        Assert.That(ids, Does.Contain(LibvirtLogEvents.Disconnected));
        Assert.That(ids, Does.Contain(LibvirtLogEvents.Reconnecting));
        Assert.That(ids, Does.Contain(LibvirtLogEvents.Reconnected));
        Assert.That(ids.IndexOf(LibvirtLogEvents.Disconnected), Is.LessThan(ids.IndexOf(LibvirtLogEvents.Reconnected)));
        var disconnected = logs.Entries.First(e => e.EventId.Id == LibvirtLogEvents.Disconnected);
        Assert.That(disconnected.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.That(disconnected.State.Values, Does.Contain(nameof(LibvirtConnectionCloseReason.KeepAlive)));
    }

    [Test]
    public async Task While_down_calls_fail_fast_with_connection_lost_or_wait_when_asked_and_the_old_connection_says_lost()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var resilient = ResilientLibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { ReconnectDelay = TimeSpan.FromSeconds(3), ReconnectMaxDelay = TimeSpan.FromSeconds(3) });
        var disconnected = new TaskCompletionSource<ConnectionClosedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource<ReconnectedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        resilient.Disconnected += (_, closed) => disconnected.TrySetResult(closed);
        resilient.Reconnected += (_, back) => reconnected.TrySetResult(back);
        var old = resilient.Connection;

        Break(old, LibvirtConnectionCloseReason.KeepAlive);
        Assert.That((await disconnected.Task.WaitAsync(timeout.Token)).Reason, Is.EqualTo(LibvirtConnectionCloseReason.KeepAlive));
        var waiting = resilient.GetConnectionAsync(timeout.Token);

        // The reopen is at least 2.4 s away (3 s - 20 % jitter): the state right after the disconnect is observable.
        Assert.That(resilient.IsConnected, Is.False);
        Assert.Throws<LibvirtConnectionLostException>(() => _ = resilient.Connection);
        Assert.Throws<LibvirtConnectionLostException>(() => old.ListDomains());
        Assert.That(waiting.IsCompleted, Is.False);

        var fresh = await waiting;
        var back = await reconnected.Task.WaitAsync(timeout.Token);
        Assert.That(fresh.IsAlive, Is.True);
        Assert.That(resilient.Connection, Is.SameAs(fresh));
        Assert.That(back.Reconnects, Is.EqualTo(1));
        Assert.That(back.Downtime, Is.GreaterThan(TimeSpan.FromSeconds(2)));
        Assert.That(back.Domains.Select(d => d.DomainName), Does.Contain("test"), "the test driver's own domain is in the all-domains snapshot");
    }

    [Test]
    public async Task Twenty_breaks_leave_no_registration_handle_nor_stream_behind()
    {
        using var timeout = new CancellationTokenSource(Timeout * 2);
        var hubs = EventHub.Live;
        var closeCallbacks = ConnectionCloseCallback.Live;
        var name = TestDriver.UniqueName("resilient-20");
        using (var resilient = ResilientLibvirtConnection.Open(TestDriver.Uri, FastReconnect))
        {
            await using var events = resilient.WatchDomainLifecycleAsync(name, timeout.Token).GetAsyncEnumerator();
            for (var round = 1; round <= 20; round++)
            {
                Break(resilient.Connection, LibvirtConnectionCloseReason.EndOfFile);
                Assert.That(await Next(events), Is.InstanceOf<ConnectionClosedEvent>(), $"round {round}");
                Assert.That(await Next(events), Is.InstanceOf<ReconnectedEvent>().With.Property(nameof(ReconnectedEvent.Reconnects)).EqualTo(round));
                using (var domain = (await resilient.GetConnectionAsync(timeout.Token)).DefineDomain(TestDriver.DomainXmlText(name)))
                {
                    domain.Undefine();
                }

                Assert.That(await Next(events), Is.InstanceOf<DomainLifecycleEvent>().With.Property(nameof(DomainLifecycleEvent.Type)).EqualTo(DomainLifecycleEventType.Defined), $"round {round}");
                Assert.That(await Next(events), Is.InstanceOf<DomainLifecycleEvent>().With.Property(nameof(DomainLifecycleEvent.Type)).EqualTo(DomainLifecycleEventType.Undefined), $"round {round}");
                Assert.That(EventHub.Live - hubs, Is.LessThanOrEqualTo(1), $"round {round}: one registration, of the current connection");
                Assert.That(ConnectionCloseCallback.Live - closeCallbacks, Is.EqualTo(1), $"round {round}: one close callback, of the current connection");
            }
        }

        Assert.That(EventHub.Live, Is.EqualTo(hubs));
        Assert.That(ConnectionCloseCallback.Live, Is.EqualTo(closeCallbacks));
    }

    [Test]
    public async Task Dispose_ends_streams_without_an_error_and_fails_waiters_and_later_calls()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var resilient = ResilientLibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { ReconnectDelay = TimeSpan.FromMinutes(5), ReconnectMaxDelay = TimeSpan.FromMinutes(5) });
        await using var events = resilient.WatchDomainLifecycleAsync(cancellationToken: timeout.Token).GetAsyncEnumerator();
        var reading = events.MoveNextAsync().AsTask();
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        resilient.Disconnected += (_, _) => disconnected.TrySetResult();
        Break(resilient.Connection, LibvirtConnectionCloseReason.EndOfFile);
        await disconnected.Task.WaitAsync(timeout.Token);
        Assert.That(await reading.WaitAsync(timeout.Token), Is.True);
        Assert.That(events.Current, Is.InstanceOf<ConnectionClosedEvent>());
        var waiting = resilient.GetConnectionAsync(timeout.Token);
        reading = events.MoveNextAsync().AsTask();

        resilient.Dispose();

        Assert.That(await reading.WaitAsync(timeout.Token), Is.False);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        Assert.Throws<ObjectDisposedException>(() => _ = resilient.Connection);
        Assert.Throws<ObjectDisposedException>(() => resilient.WatchDomainLifecycleAsync());
        Assert.DoesNotThrow(resilient.Dispose);
    }

    [Test]
    public async Task Cancelling_a_stream_ends_it_and_deregisters()
    {
        var hubs = EventHub.Live;
        using var resilient = ResilientLibvirtConnection.Open(TestDriver.Uri, FastReconnect);
        using var cancel = new CancellationTokenSource();
        await using (var events = resilient.WatchDomainLifecycleAsync(cancellationToken: cancel.Token).GetAsyncEnumerator())
        {
            var reading = events.MoveNextAsync().AsTask();
            await cancel.CancelAsync();

            Assert.That(async () => await reading, Throws.InstanceOf<OperationCanceledException>());
        }

        Assert.That(EventHub.Live, Is.EqualTo(hubs));
    }

    [TestCase(0, 1000)]
    [TestCase(-1, 1000)]
    [TestCase(1000, 999)]
    public void Reconnect_delays_must_be_positive_and_ordered(int delayMs, int maxMs)
    {
        var options = new LibvirtConnectionOptions { ReconnectDelay = TimeSpan.FromMilliseconds(delayMs), ReconnectMaxDelay = TimeSpan.FromMilliseconds(maxMs) };

        Assert.Throws<ArgumentOutOfRangeException>(() => ResilientLibvirtConnection.Open(TestDriver.Uri, options).Dispose());
    }

    [Test]
    public void A_name_with_nul_is_refused()
    {
        using var resilient = ResilientLibvirtConnection.Open(TestDriver.Uri);

        Assert.Throws<ArgumentException>(() => resilient.WatchDomainLifecycleAsync("a\0b"));
    }

    /// <summary>Acts out libvirt's report that <paramref name="connection"/> broke.</summary>
    private static void Break(LibvirtConnection connection, LibvirtConnectionCloseReason reason) =>
        connection.Handle.CloseCallback!.ReportClosed(reason);

    private static async Task<LibvirtEvent> Next(IAsyncEnumerator<LibvirtEvent> events)
    {
        Assert.That(await events.MoveNextAsync(), Is.True, "the stream ended");
        return events.Current;
    }
}
