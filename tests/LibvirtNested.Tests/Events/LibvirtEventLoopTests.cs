using LibvirtNested.Interop;
using LibvirtNested.Testing;
using LibvirtNested.Tests.Samples;
using NUnit.Framework;

namespace LibvirtNested.Tests.Events;

/// <summary>
/// The loop's lifetime (one thread, ended when the last registration is gone, started again by the next), leak checks
/// on registrations, misuse (cancelling mid-delivery, a consumer that never reads), and the refusal of a foreign event
/// implementation. Non-parallelizable: it asserts on the process-wide loop.
/// </summary>
[NonParallelizable]
public class LibvirtEventLoopTests : TestDriverFixture
{
    [Test]
    public async Task The_loop_thread_ends_with_the_last_subscription_and_a_new_one_starts_it_again()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        var watch = (LibvirtEventWatch)Connection.WatchDomainEventsAsync(DomainEventKinds.All, TestDriver.UniqueName("ev-loop"));
        var first = LibvirtEventLoop.CurrentThread;
        Assert.That(first, Is.Not.Null);
        Assert.That(LibvirtEventLoop.IsRunning, Is.True);

        await watch.GetAsyncEnumerator().DisposeAsync();
        await Task.WhenAll(watch.Subscription.Hubs.Select(h => h.Freed)).WaitAsync(timeout.Token);

        Assert.That(LibvirtEventLoop.Leases, Is.Zero, "every registration returned its lease (another test leaking one would show here)");
        Assert.That(first!.Join(EventStream.Timeout), Is.True, "the loop thread ended");
        Assert.That(LibvirtEventLoop.IsRunning, Is.False);

        var started = LibvirtEventLoop.ThreadsStarted;
        var name = TestDriver.UniqueName("ev-loop-again");
        await using (var events = Connection.WatchDomainLifecycleAsync(name, timeout.Token).GetAsyncEnumerator())
        {
            Assert.That(LibvirtEventLoop.ThreadsStarted, Is.EqualTo(started + 1));
            Assert.That(LibvirtEventLoop.CurrentThread, Is.Not.SameAs(first));
            using (var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name)))
            {
                domain.Undefine();
            }

            var received = await EventStream.Next<DomainLifecycleEvent>(events, 2);
            Assert.That(received.Select(e => e.Type), Is.EqualTo(new[] { DomainLifecycleEventType.Defined, DomainLifecycleEventType.Undefined }));
        }
    }

    [Test]
    public async Task Subscribing_and_disposing_many_times_on_many_connections_leaks_no_registration()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        var liveBefore = EventHub.Live;
        var leasesBefore = LibvirtEventLoop.Leases;
        var freed = new List<Task>();

        for (var i = 0; i < 50; i++)
        {
            using var connection = LibvirtConnection.Open(TestDriver.Uri);
            var domains = (LibvirtEventWatch)connection.WatchDomainEventsAsync(DomainEventKinds.All);
            var networks = (LibvirtEventWatch)connection.WatchNetworkEventsAsync();
            using var pools = connection.SubscribeStoragePoolEvents(null, _ => { });
            freed.AddRange(domains.Subscription.Hubs.Concat(networks.Subscription.Hubs).Concat(pools.Inner.Hubs).Select(h => h.Freed));
            Assert.That(EventHub.Live, Is.EqualTo(liveBefore + 10), "8 domain kinds, the network and the pool registrations");
            await domains.GetAsyncEnumerator().DisposeAsync();
            await networks.GetAsyncEnumerator().DisposeAsync();
        }

        await Task.WhenAll(freed).WaitAsync(timeout.Token);
        Assert.That(freed, Has.Count.EqualTo(500));
        Assert.That(EventHub.Live, Is.EqualTo(liveBefore), "every GCHandle freed by libvirt's free callback");
        Assert.That(LibvirtEventLoop.Leases, Is.EqualTo(leasesBefore));
    }

    [Test]
    public async Task Cancelling_while_events_are_being_delivered_ends_the_stream_and_deregisters()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        using var cancel = new CancellationTokenSource();
        var prefix = TestDriver.UniqueName("ev-midcancel");
        var watch = (LibvirtEventWatch)Connection.WatchDomainLifecycleAsync(cancellationToken: cancel.Token);
        await using var witness = Connection.WatchDomainLifecycleAsync(cancellationToken: timeout.Token).GetAsyncEnumerator();

        // A producer keeps the loop thread busy delivering while the consumer cancels after its tenth event.
        var producer = Task.Run(() =>
        {
            using var connection = LibvirtConnection.Open(TestDriver.Uri);
            for (var i = 0; i < 200; i++)
            {
                using var domain = connection.DefineDomain(TestDriver.DomainXmlText($"{prefix}-{i}"));
                domain.Undefine();
            }
        });
        var consumed = 0;
        var consumer = Task.Run(async () =>
        {
            await foreach (var item in watch)
            {
                if (item is DomainLifecycleEvent e && e.DomainName.StartsWith(prefix, StringComparison.Ordinal) && ++consumed == 10)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.That(async () => await consumer.WaitAsync(timeout.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(watch.Subscription.IsDisposed, Is.True, "cancelling disposed the subscription");
        await producer.WaitAsync(timeout.Token);
        var all = await EventStream.Next<DomainLifecycleEvent>(witness, 400, e => e.DomainName.StartsWith(prefix, StringComparison.Ordinal));

        Assert.That(consumed, Is.EqualTo(10));
        Assert.That(all, Has.Count.EqualTo(400), "the loop and the other subscription carried on");
        Assert.That(LibvirtEventLoop.IsRunning, Is.True);
    }

    [Test]
    public async Task A_consumer_that_never_reads_holds_at_most_its_capacity()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        var name = TestDriver.UniqueName("ev-neverread");
        var idle = (LibvirtEventWatch)Connection.WatchDomainLifecycleAsync(name, 16, timeout.Token);

        // The witness on a connection of its own: its own registration, so the idle one's is freed on dispose.
        using var witnessConnection = LibvirtConnection.Open(TestDriver.Uri);
        await using var witness = witnessConnection.WatchDomainLifecycleAsync(name, timeout.Token).GetAsyncEnumerator();

        using (var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name)))
        {
            for (var i = 0; i < 100; i++)
            {
                domain.Start();
                domain.Destroy();
            }

            domain.Undefine();
        }

        await EventStream.Next<DomainLifecycleEvent>(witness, 202);

        Assert.That(idle.Subscription.Reader.Count, Is.EqualTo(16));
        Assert.That(idle.Subscription.Delivered, Is.EqualTo(16));
        await idle.GetAsyncEnumerator().DisposeAsync();
        await idle.Subscription.Hubs[0].Freed.WaitAsync(timeout.Token);
    }

    [TestCase("test:///default", false)]
    [TestCase("TEST:///default", false)]
    [TestCase("qemu:///system", true)]
    [TestCase("qemu+ssh://root@l1/system", true)]
    [TestCase("test+tcp://host/default", true)]
    [TestCase("", true)]
    [TestCase(null, true)]
    public void A_connection_uses_the_loop_unless_it_is_the_in_process_test_driver(string? uri, bool uses) =>
        Assert.That(LibvirtEventLoop.UsesLoop(uri), Is.EqualTo(uses));

    [Test]
    public async Task An_open_test_driver_connection_holds_no_lease_so_the_loop_can_stop()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        await using (Connection.WatchNetworkEventsAsync(cancellationToken: timeout.Token).GetAsyncEnumerator())
        {
            Assert.That(LibvirtEventLoop.ImplementationRegistered, Is.True);
        }

        var leases = LibvirtEventLoop.Leases;
        using var opened = LibvirtConnection.Open(TestDriver.Uri);

        Assert.That(LibvirtEventLoop.Leases, Is.EqualTo(leases));
    }

    [Test]
    public void Another_event_implementation_registered_first_is_refused_with_LibvirtEventLoopException()
    {
        // A process of its own: libvirt's event implementation cannot be unregistered, and this one is already ours.
        var temp = SampleProcess.NewTemporaryDirectory();
        try
        {
            var program = Path.Combine(temp, "foreign-loop.cs");
            File.WriteAllText(program, $$"""
                #:project {{Path.Combine(RepositoryPaths.Root, "src", "LibvirtNested", "LibvirtNested.csproj")}}
                #:property AllowUnsafeBlocks=true
                using System.Runtime.InteropServices;
                using LibvirtNested;

                [assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

                // Another binding (libvirt-python, a second copy of a library) registered libvirt's loop first.
                if (Foreign.virEventRegisterDefaultImpl() != 0) { Console.WriteLine("setup failed"); return 2; }
                using var connection = LibvirtConnection.Open("test:///default");
                try
                {
                    connection.WatchDomainLifecycleAsync();
                    Console.WriteLine("subscribed");
                    return 1;
                }
                catch (LibvirtEventLoopException e)
                {
                    Console.WriteLine("refused: " + e.Message);
                    return 0;
                }

                static partial class Foreign
                {
                    [LibraryImport("libvirt.so.0")]
                    internal static partial int virEventRegisterDefaultImpl();
                }
                """);

            var result = SampleProcess.Run("dotnet", ["run", "-c", "Release", program], temp);

            Assert.That(result.ExitCode, Is.Zero, result.ToString);
            Assert.That(result.Output, Does.Contain("refused: Another libvirt event implementation is already registered"));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
