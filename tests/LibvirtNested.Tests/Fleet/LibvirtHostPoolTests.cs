using System.Collections.Concurrent;
using LibvirtNested.Fleet;
using NUnit.Framework;

namespace LibvirtNested.Tests.Fleet;

/// <summary>The pool on test-driver hosts: lazy opens, one connection per host, the per-host limit in arrival order, dispose.</summary>
public class LibvirtHostPoolTests : TestDriverHostsTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    [Test]
    public async Task Opens_a_host_only_when_it_is_first_used()
    {
        var a = Nodes.Host("a", 4096, 4);
        var b = Nodes.Host("b", 4096, 4);
        using var pool = new LibvirtHostPool(Options(a, b));

        Assert.That((pool.IsConnected(a), pool.IsConnected(b)), Is.EqualTo((false, false)));
        var cpus = await pool.RunAsync(a, c => c.GetNodeInfo().Cpus);

        Assert.That(cpus, Is.EqualTo(4));
        Assert.That((pool.IsConnected(a), pool.IsConnected(b)), Is.EqualTo((true, false)));
        Assert.That(pool.Uris, Is.EqualTo(new[] { a, b }));
    }

    [Test]
    public async Task Reuses_one_connection_per_host_across_calls_and_keeps_hosts_apart()
    {
        var a = Nodes.Host("a", 2048, 2);
        var b = Nodes.Host("b", 8192, 8);
        using var pool = new LibvirtHostPool(Options(a, b));

        var first = await pool.RunAsync(a, c => c);
        var again = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => pool.RunAsync(a, c => c)));
        var other = await pool.RunAsync(b, c => c);

        Assert.That(again, Has.All.SameAs(first));
        Assert.That(other, Is.Not.SameAs(first));
        Assert.That(await pool.RunAsync(b, c => c.GetNodeInfo().MemoryBytes), Is.EqualTo(8192UL * 1024 * 1024));
    }

    [Test]
    public async Task Never_runs_more_than_the_limit_on_one_host_and_starts_queued_calls_in_arrival_order()
    {
        var a = Nodes.Host("a", 2048, 2);
        var options = Options(a);
        options.MaxConcurrentCallsPerHost = 2;
        using var pool = new LibvirtHostPool(options);
        await pool.RunAsync(a, c => c.IsAlive);
        var running = 0;
        var peak = 0;
        var started = new ConcurrentQueue<int>();
        using var hold = new SemaphoreSlim(0);

        var calls = new List<Task<int>>();
        for (var i = 0; i < 8; i++)
        {
            var index = i;
            calls.Add(pool.RunAsync(a, c =>
            {
                started.Enqueue(index);
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                hold.Wait(Patience);
                Interlocked.Decrement(ref running);
                return index;
            }));

            // Each call is queued (or running) before the next is made, so arrival order is the index order.
            await WaitUntil(() => index < 2 ? started.Count == index + 1 : pool.GetLoad(a).Queued == index - 1);
        }

        Assert.That(pool.GetLoad(a), Is.EqualTo((2, 6)));
        for (var next = 2; next < 8; next++)
        {
            // One call ends, so exactly one queued call may start: the oldest.
            hold.Release();
            await WaitUntil(() => started.Count == next + 1);
        }

        hold.Release(2);
        Assert.That(await Task.WhenAll(calls), Is.EqualTo(Enumerable.Range(0, 8)));
        Assert.That(peak, Is.EqualTo(2));
        Assert.That(started.Skip(2), Is.EqualTo(Enumerable.Range(2, 6)), "queued calls started first come, first served");
        Assert.That(pool.GetLoad(a), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task A_call_cancelled_while_queued_never_runs_and_a_cancelled_running_call_keeps_its_slot_until_it_ends()
    {
        var a = Nodes.Host("a", 2048, 2);
        var options = Options(a);
        options.MaxConcurrentCallsPerHost = 1;
        using var pool = new LibvirtHostPool(options);
        using var hold = new SemaphoreSlim(0);
        using var stopWaiting = new CancellationTokenSource();
        var ranQueued = false;

        using var bodyStarted = new ManualResetEventSlim();
        var running = pool.RunAsync(
            a,
            c =>
            {
                bodyStarted.Set();
                return hold.Wait(Patience);
            },
            stopWaiting.Token);
        Assert.That(bodyStarted.Wait(Patience), Is.True);
        using var cancelQueued = new CancellationTokenSource();
        var queued = pool.RunAsync(a, c => ranQueued = true, cancelQueued.Token);
        await WaitUntil(() => pool.GetLoad(a).Queued == 1);

        cancelQueued.Cancel();
        stopWaiting.Cancel();

        Assert.That(async () => await queued, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(async () => await running, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(pool.GetLoad(a), Is.EqualTo((1, 0)), "the abandoned operation still runs and holds the host's slot");
        hold.Release();
        await WaitUntil(() => pool.GetLoad(a).Running == 0);
        Assert.That(await pool.RunAsync(a, c => c.IsAlive), Is.True);
        Assert.That(ranQueued, Is.False);
    }

    [Test]
    public async Task A_domain_returned_to_a_caller_that_gave_up_is_disposed()
    {
        var a = Nodes.Host("a", 2048, 2, (256, 1));
        using var pool = new LibvirtHostPool(Options(a));
        using var hold = new SemaphoreSlim(0);
        using var stopWaiting = new CancellationTokenSource();
        LibvirtDomain? handedOut = null;

        using var bodyStarted = new ManualResetEventSlim();
        var call = pool.RunAsync(a, c =>
        {
            bodyStarted.Set();
            hold.Wait(Patience);
            return handedOut = c.ListDomains()[0];
        }, stopWaiting.Token);
        Assert.That(bodyStarted.Wait(Patience), Is.True);
        stopWaiting.Cancel();
        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        hold.Release();
        await WaitUntil(() => pool.GetLoad(a).Running == 0);

        Assert.That(() => handedOut!.Name, Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void A_dead_host_fails_typed_after_the_retries()
    {
        var options = new LibvirtHostPoolOptions { OpenRetries = 2, OpenRetryDelay = TimeSpan.FromMilliseconds(10) };
        using var pool = new LibvirtHostPool(options);

        Assert.That(async () => await pool.RunAsync(NodeFiles.DeadUri, c => c.IsAlive), Throws.InstanceOf<LibvirtConnectionFailedException>());
    }

    [Test]
    public async Task Dispose_closes_every_connection_and_fails_queued_and_later_calls()
    {
        var a = Nodes.Host("a", 2048, 2);
        var b = Nodes.Host("b", 2048, 2);
        var options = Options(a, b);
        options.MaxConcurrentCallsPerHost = 1;
        var pool = new LibvirtHostPool(options);
        var ca = await pool.RunAsync(a, c => c);
        var cb = await pool.RunAsync(b, c => c);
        using var hold = new SemaphoreSlim(0);
        var running = pool.RunAsync(a, c => hold.Wait(Patience));
        await WaitUntil(() => pool.GetLoad(a).Running == 1);
        var queued = pool.RunAsync(a, c => true);
        await WaitUntil(() => pool.GetLoad(a).Queued == 1);

        pool.Dispose();
        hold.Release();

        Assert.That(async () => await queued, Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(async () => await running, Throws.Nothing);
        Assert.That((ca.IsAlive, cb.IsAlive), Is.EqualTo((false, false)));
        Assert.That(() => pool.RunAsync(a, c => true), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void Options_out_of_range_are_refused()
    {
        Assert.That(() => new LibvirtHostPool(new LibvirtHostPoolOptions { MaxConcurrentCallsPerHost = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new LibvirtHostPool(new LibvirtHostPoolOptions { PerHostTimeout = TimeSpan.Zero }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new LibvirtHostPool(new LibvirtHostPoolOptions { OpenRetries = -1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        var blank = new LibvirtHostPoolOptions();
        blank.Hosts.Add(" ");
        Assert.That(() => new LibvirtHostPool(blank), Throws.InstanceOf<ArgumentException>());
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the condition came true in time");
            await Task.Delay(5);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
