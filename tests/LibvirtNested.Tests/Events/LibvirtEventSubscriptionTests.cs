using System.Threading.Channels;
using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Events;

/// <summary>The callback form (<see cref="LibvirtConnection.SubscribeDomainEvents"/> and its network and pool siblings).</summary>
public class LibvirtEventSubscriptionTests : TestDriverFixture
{
    [Test]
    public async Task The_handler_gets_every_event_in_order_and_dispose_deregisters_and_completes()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        var name = TestDriver.UniqueName("ev-cb");
        var seen = Channel.CreateUnbounded<LibvirtEvent>();
        var subscription = Connection.SubscribeDomainEvents(DomainEventKinds.Lifecycle, name, e => seen.Writer.TryWrite(e));
        var hub = subscription.Inner.Hubs.Single();

        using (var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name)))
        {
            domain.Start();
            domain.Destroy();
            domain.Undefine();
        }

        var received = new List<LibvirtEvent>();
        while (received.Count < 4)
        {
            received.Add(await seen.Reader.ReadAsync(timeout.Token));
        }

        subscription.Dispose();
        await subscription.Completion.WaitAsync(timeout.Token);
        await hub.Freed.WaitAsync(timeout.Token);

        Assert.That(received.Cast<DomainLifecycleEvent>().Select(e => e.Type), Is.EqualTo(new[]
        {
            DomainLifecycleEventType.Defined, DomainLifecycleEventType.Started, DomainLifecycleEventType.Stopped, DomainLifecycleEventType.Undefined,
        }));
        Assert.That(subscription.Completion.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task A_throwing_handler_ends_its_own_subscription_faults_Completion_and_nothing_else()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        var name = TestDriver.UniqueName("ev-cb-throw");
        var calls = 0;
        var failing = Connection.SubscribeNetworkEvents(name, e =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException($"handler failed on {((NetworkLifecycleEvent)e).Type}");
        });
        await using var survivor = Connection.WatchNetworkEventsAsync(name, timeout.Token).GetAsyncEnumerator();

        using (var network = Connection.DefineNetwork(TestDriver.NetworkXmlText(name, "evcb" + Guid.NewGuid().ToString("N")[..8], "192.168.173")))
        {
            Assert.That(async () => await failing.Completion.WaitAsync(timeout.Token),
                Throws.InvalidOperationException.With.Message.EqualTo("handler failed on Defined"));
            network.Undefine();
        }

        var received = await EventStream.Next<NetworkLifecycleEvent>(survivor, 2);

        Assert.That(received.Select(e => e.Type), Is.EqualTo(new[] { NetworkLifecycleEventType.Defined, NetworkLifecycleEventType.Undefined }));
        Assert.That(calls, Is.EqualTo(1), "the handler is not called after it threw");
        Assert.That(failing.Inner.IsDisposed, Is.True, "its registration is gone");
        Assert.That(LibvirtEventLoop.IsRunning, Is.True);
        failing.Dispose(); // Idempotent after the failure.
    }

    [Test]
    public async Task A_slow_handler_gets_a_loss_marker_not_unbounded_memory()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        var name = TestDriver.UniqueName("ev-cb-slow");
        using var release = new ManualResetEventSlim();
        var seen = Channel.CreateUnbounded<LibvirtEvent>();
        using var subscription = Connection.SubscribeStoragePoolEvents(name, e =>
        {
            seen.Writer.TryWrite(e);
            release.Wait(timeout.Token); // Blocks a pool thread, never libvirt's loop thread.
        });
        await using var witness = Connection.WatchStoragePoolEventsAsync(name, timeout.Token).GetAsyncEnumerator();

        var received = new List<LibvirtEvent>();
        var pool = Connection.DefineDirectoryPool(name, Path.Combine(Path.GetTempPath(), name));
        try
        {
            // The handler now holds "defined" and blocks: the buffer is empty and the pump waits on the handler.
            received.Add(await seen.Reader.ReadAsync(timeout.Token));

            // 1,028 more events: 1,024 fill the buffer, 4 are lost.
            for (var i = 0; i < 514; i++)
            {
                pool.Start();
                pool.Destroy();
            }

            await EventStream.Next<StoragePoolLifecycleEvent>(witness, 1029);
            release.Set();
            while (received.Count < 1025)
            {
                received.Add(await seen.Reader.ReadAsync(timeout.Token));
            }

            pool.Start(); // The first event that fits after the loss: the marker comes just before it.
            received.Add(await seen.Reader.ReadAsync(timeout.Token));
            received.Add(await seen.Reader.ReadAsync(timeout.Token));
        }
        finally
        {
            if (pool.IsActive)
            {
                pool.Destroy();
            }

            pool.Undefine();
            pool.Dispose();
        }

        Assert.That(received.Take(1025), Has.All.TypeOf<StoragePoolLifecycleEvent>());
        Assert.That(received[1025], Is.TypeOf<EventsLostEvent>().With.Property(nameof(EventsLostEvent.Count)).EqualTo(4));
        Assert.That(received[1026], Is.TypeOf<StoragePoolLifecycleEvent>().With.Property(nameof(StoragePoolLifecycleEvent.Type)).EqualTo(StoragePoolLifecycleEventType.Started));
    }
}
