using System.Diagnostics;
using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>
/// Keepalive, the close callback and <see cref="ResilientLibvirtConnection"/> against the real daemon: it is frozen
/// (SIGSTOP), killed (SIGKILL) and restarted by pid from the sandbox's pid file. Runs after
/// <see cref="ConnectionLostTests"/>, the other test that stops the daemon, and leaves it running.
/// </summary>
[DependsOnFixture(typeof(ConnectionLostTests), AllowFailure = true)]
[NonParallelizable]
public class ResilienceTests
{
    private const int Rounds = 20;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Short keepalive so a hung daemon is noticed in about 3 s (interval × (count + 1)).</summary>
    private static LibvirtConnectionOptions Fast => new()
    {
        KeepAliveInterval = TimeSpan.FromSeconds(1),
        KeepAliveCount = 2,
        ReconnectDelay = TimeSpan.FromMilliseconds(200),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };

    [Test]
    public async Task A_frozen_daemon_is_closed_by_keepalive_within_the_window_and_the_stream_ends_with_the_close()
    {
        var uri = RequireOwnDaemon();
        using var timeout = new CancellationTokenSource(Timeout);
        using var connection = LibvirtConnection.Open(uri, Fast);
        var closed = new TaskCompletionSource<ConnectionClosedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += (_, e) => closed.TrySetResult(e);
        await using var events = connection.WatchDomainLifecycleAsync(cancellationToken: timeout.Token).GetAsyncEnumerator();

        var clock = Stopwatch.StartNew();
        var pid = Sandbox.Freeze();
        ConnectionClosedEvent close;
        try
        {
            close = await closed.Task.WaitAsync(timeout.Token);
        }
        finally
        {
            Sandbox.Thaw(pid);
        }

        var noticed = clock.Elapsed;
        TestContext.Out.WriteLine($"frozen daemon {pid}: closed after {noticed.TotalSeconds:F1} s, reason {close.Reason} (keepalive 1 s × (2 + 1) = 3 s)");
        Assert.That(close.Reason, Is.EqualTo(LibvirtConnectionCloseReason.KeepAlive));
        Assert.That(noticed, Is.LessThan(TimeSpan.FromSeconds(20)), "noticed without any call, within the keepalive window plus a loaded machine's slack");
        Assert.That(await events.MoveNextAsync(), Is.True);
        Assert.That(events.Current, Is.EqualTo(close));
        Assert.That(await events.MoveNextAsync(), Is.False);
        Assert.That(connection.IsAlive, Is.False);
        Assert.Throws(Is.InstanceOf<LibvirtConnectionLostException>(), () => connection.ListDomains());

        using var fresh = LibvirtConnection.Open(uri, Fast);
        Assert.That(fresh.IsAlive, Is.True, "the thawed daemon answers again");
    }

    [Test]
    public async Task Twenty_daemon_crashes_and_restarts_a_resilient_stream_survives_and_nothing_leaks()
    {
        var uri = RequireOwnDaemon();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var name = Daemon.UniqueName("resilient");
        var figures = new List<string>();
        var fds = new List<int>();
        var threads = new List<int>();
        var fdTargets = new List<string>();
        // Connections earlier tests left to the finalizer would return their leases and handles mid-test: settle them first.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var hubs = EventHub.Live;
        var closeCallbacks = ConnectionCloseCallback.Live;
        var leases = LibvirtEventLoop.Leases;
        try
        {
            using (var resilient = ResilientLibvirtConnection.Open(uri, Fast))
            {
                await using var events = resilient.WatchDomainLifecycleAsync(name, timeout.Token).GetAsyncEnumerator();
                using (var domain = resilient.Connection.DefineDomain(Guests.Minimal(name)))
                {
                    domain.Start();
                }

                await Expect(events, DomainLifecycleEventType.Defined);
                await ExpectStart(events);

                for (var round = 1; round <= Rounds; round++)
                {
                    var clock = Stopwatch.StartNew();
                    var pid = Sandbox.Kill();
                    var close = await Next<ConnectionClosedEvent>(events, $"round {round}: the close");
                    var noticed = clock.Elapsed;
                    Assert.That(resilient.IsConnected, Is.False, $"round {round}");
                    Assert.Throws<LibvirtConnectionLostException>(() => _ = resilient.Connection, $"round {round}: calls fail fast while down");

                    var restart = Sandbox.Restart();
                    var reconnected = await Next<ReconnectedEvent>(events, $"round {round}: the reconnected marker");
                    var back = clock.Elapsed;
                    Assert.That(reconnected.Reconnects, Is.EqualTo(round));
                    Assert.That(reconnected.Domains.Select(d => (d.DomainName, d.State.State)), Is.EqualTo(new[] { (name, DomainState.Running) }), $"round {round}: the snapshot shows the guest that outlived the daemon");

                    // Events of the new connection: the guest is destroyed and started again after the restart.
                    using (var domain = (await resilient.GetConnectionAsync(timeout.Token)).GetDomain(name))
                    {
                        domain.Destroy();
                        await ExpectDestroyed(events);
                        domain.Start();
                        await ExpectStart(events);
                    }

                    // Garbage still awaiting finalization (the harness's own kill/bash processes and their pipes) is not a leak.
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    if (round == 2)
                    {
                        fdTargets = FileDescriptors();
                    }

                    fds.Add(Directory.GetFiles("/proc/self/fd").Length);
                    threads.Add(Directory.GetDirectories("/proc/self/task").Length);
                    figures.Add($"round {round}: killed {pid}, close ({close.Reason}) after {noticed.TotalMilliseconds:F0} ms, restart took {restart.TotalSeconds:F1} s, marker after {back.TotalSeconds:F1} s (downtime {reconnected.Downtime.TotalSeconds:F1} s); fds {fds[^1]}, threads {threads[^1]}, hubs {EventHub.Live - hubs}, close callbacks {ConnectionCloseCallback.Live - closeCallbacks}, loop leases {LibvirtEventLoop.Leases - leases}");
                    TestContext.Out.WriteLine(figures[^1]);
                    Assert.That(close.Reason, Is.EqualTo(LibvirtConnectionCloseReason.EndOfFile), $"round {round}");
                    Assert.That(noticed, Is.LessThan(TimeSpan.FromSeconds(3)), $"round {round}: a crash is end-of-file, noticed well within the keepalive window");
                    Assert.That(EventHub.Live - hubs, Is.EqualTo(1), $"round {round}: one lifecycle registration (the current connection's)");
                    Assert.That(ConnectionCloseCallback.Live - closeCallbacks, Is.EqualTo(1), $"round {round}: one close callback (the current connection's)");
                    Assert.That(LibvirtEventLoop.Leases - leases, Is.EqualTo(2), $"round {round}: two event loop leases (the current connection's and its registration's)");
                }
            }

            Assert.That(EventHub.Live, Is.EqualTo(hubs), "every registration freed after dispose");
            Assert.That(ConnectionCloseCallback.Live, Is.EqualTo(closeCallbacks), "every close callback freed after dispose");
            Assert.That(LibvirtEventLoop.Leases, Is.EqualTo(leases), "every event loop lease returned after dispose");

            // Round 1 warms up (thread pool, libvirt's lazily opened files); from round 2 on nothing may grow per round.
            var grown = FileDescriptors();
            foreach (var target in fdTargets)
            {
                grown.Remove(target);
            }

            Assert.That(fds[^1] - fds[1], Is.LessThanOrEqualTo(2), $"file descriptors per round: {string.Join(", ", fds)}; new since round 2: {string.Join(", ", grown)}");
            Assert.That(threads[^1] - threads[1], Is.LessThanOrEqualTo(4), $"threads per round: {string.Join(", ", threads)}");
        }
        finally
        {
            using var cleanup = Daemon.Connect();
            if (cleanup.TryGetDomain(name, out var domain))
            {
                using (domain)
                {
                    if (domain.IsActive)
                    {
                        domain.Destroy();
                    }

                    domain.Undefine();
                }
            }
        }
    }

    /// <summary>What this process's file descriptors point at (sockets, pipes, files), one entry per descriptor.</summary>
    private static List<string> FileDescriptors()
    {
        var targets = new List<string>();
        foreach (var fd in Directory.GetFiles("/proc/self/fd"))
        {
            try
            {
                targets.Add(new FileInfo(fd).LinkTarget ?? "?");
            }
            catch (IOException)
            {
                // Closed while listing (the listing's own descriptor, among others).
            }
        }

        return targets;
    }

    /// <summary>The daemon's URI, or skips (fails on CI) when there is none or it is not the sandbox's to kill.</summary>
    private static string RequireOwnDaemon()
    {
        using (Daemon.Connect())
        {
        }

        if (Sandbox.DaemonPid is null)
        {
            Assert.Ignore("The daemon answering was not started by scripts/libvirtd-sandbox.sh (no live pid file); it is not ours to kill.");
        }

        return Daemon.Uri!;
    }

    private static async Task<T> Next<T>(IAsyncEnumerator<LibvirtEvent> events, string what)
        where T : LibvirtEvent
    {
        Assert.That(await events.MoveNextAsync(), Is.True, $"{what}: the stream ended");
        return events.Current as T ?? throw new AssertionException($"{what}: expected a {typeof(T).Name}, got {events.Current}");
    }

    /// <summary>qemu starts a guest's CPUs before libvirt reports it started: Resumed (unpaused), then Started (booted).</summary>
    private static async Task ExpectStart(IAsyncEnumerator<LibvirtEvent> events)
    {
        await Expect(events, DomainLifecycleEventType.Resumed);
        await Expect(events, DomainLifecycleEventType.Started);
    }

    /// <summary>
    /// Destroy sends qemu SIGTERM; qemu may report that as a host shutdown before it exits, so Stopped (destroyed) is
    /// preceded by Shutdown (host) when libvirt read qemu's event in time.
    /// </summary>
    private static async Task ExpectDestroyed(IAsyncEnumerator<LibvirtEvent> events)
    {
        var received = await Next<DomainLifecycleEvent>(events, "Stopped");
        if (received.Type == DomainLifecycleEventType.Shutdown)
        {
            received = await Next<DomainLifecycleEvent>(events, "Stopped");
        }

        Assert.That(received.Type, Is.EqualTo(DomainLifecycleEventType.Stopped), received.ToString());
    }

    private static async Task Expect(IAsyncEnumerator<LibvirtEvent> events, DomainLifecycleEventType type)
    {
        var received = await Next<DomainLifecycleEvent>(events, type.ToString());
        Assert.That(received.Type, Is.EqualTo(type), received.ToString());
    }
}
