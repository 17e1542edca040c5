using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Events;

/// <summary>
/// <see cref="LibvirtConnection.WatchDomainLifecycleAsync(string?, CancellationToken)"/> on the in-process test
/// driver: every wait is bounded by a 30 s token, never a sleep.
/// </summary>
public class DomainLifecycleEventTests : TestDriverFixture
{
    private static readonly TimeSpan Timeout = EventStream.Timeout;

    [Test]
    public async Task Define_start_destroy_undefine_arrive_in_order_with_name_and_uuid()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var name = TestDriver.UniqueName("ev-order");
        await using var events = Connection.WatchDomainLifecycleAsync(name, timeout.Token).GetAsyncEnumerator();

        Guid uuid;
        using (var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name)))
        {
            uuid = domain.Uuid;
            domain.Start();
            domain.Destroy();
            domain.Undefine();
        }

        var received = await EventStream.Next<DomainLifecycleEvent>(events, 4);

        Assert.That(received.Select(e => e.Type), Is.EqualTo(new[]
        {
            DomainLifecycleEventType.Defined, DomainLifecycleEventType.Started,
            DomainLifecycleEventType.Stopped, DomainLifecycleEventType.Undefined,
        }));
        Assert.That(received.Select(e => e.DomainName), Is.All.EqualTo(name));
        Assert.That(received.Select(e => Guid.Parse(e.DomainUuid)), Is.All.EqualTo(uuid));
        // VIR_DOMAIN_EVENT_DEFINED_ADDED = 0, VIR_DOMAIN_EVENT_STARTED_BOOTED = 0, VIR_DOMAIN_EVENT_STOPPED_DESTROYED = 1 (libvirt-domain.h).
        Assert.That(received.Select(e => e.Detail), Is.EqualTo(new[] { 0, 0, 1, 0 }));
        Assert.That(received.Select(e => e.Timestamp), Is.Ordered);
    }

    [Test]
    public async Task The_name_filter_excludes_other_domains_and_null_takes_all()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var watched = TestDriver.UniqueName("ev-watched");
        var other = TestDriver.UniqueName("ev-other");
        await using var filtered = Connection.WatchDomainLifecycleAsync(watched, timeout.Token).GetAsyncEnumerator();
        await using var all = Connection.WatchDomainLifecycleAsync(cancellationToken: timeout.Token).GetAsyncEnumerator();

        using (var first = Connection.DefineDomain(TestDriver.DomainXmlText(other)))
        using (var second = Connection.DefineDomain(TestDriver.DomainXmlText(watched)))
        {
            first.Undefine();
            second.Undefine();
        }

        var filteredEvents = await EventStream.Next<DomainLifecycleEvent>(filtered, 2);
        var allEvents = await EventStream.Next<DomainLifecycleEvent>(all, 4, e => e.DomainName == watched || e.DomainName == other);

        Assert.That(filteredEvents.Select(e => (e.DomainName, e.Type)), Is.EqualTo(new[]
        {
            (watched, DomainLifecycleEventType.Defined), (watched, DomainLifecycleEventType.Undefined),
        }));
        Assert.That(allEvents.Select(e => (e.DomainName, e.Type)), Is.EqualTo(new[]
        {
            (other, DomainLifecycleEventType.Defined), (watched, DomainLifecycleEventType.Defined),
            (other, DomainLifecycleEventType.Undefined), (watched, DomainLifecycleEventType.Undefined),
        }));
    }

    [Test]
    public async Task Cancelling_deregisters_in_libvirt_and_no_callback_arrives_after()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var cancel = new CancellationTokenSource();
        var name = TestDriver.UniqueName("ev-cancel");
        var watch = (LibvirtEventWatch)Connection.WatchDomainLifecycleAsync(name, cancel.Token);
        var subscription = watch.Subscription;
        var lateBefore = EventSubscription.LateCallbacks;

        var reading = Task.Run(async () =>
        {
            await foreach (var item in watch)
            {
                _ = item;
            }
        });
        await cancel.CancelAsync();

        Assert.That(async () => await reading, Throws.InstanceOf<OperationCanceledException>());
        // libvirt calls the free callback only once the registration is gone (virConnectDomainEventDeregisterAny).
        await subscription.Hubs[0].Freed.WaitAsync(timeout.Token);

        // A second subscription proves the events happened; the cancelled one got none of them.
        await using var witness = Connection.WatchDomainLifecycleAsync(name, timeout.Token).GetAsyncEnumerator();
        using (var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name)))
        {
            domain.Undefine();
        }

        await EventStream.Next<DomainLifecycleEvent>(witness, 2);
        Assert.That(subscription.Delivered, Is.Zero);
        Assert.That(EventSubscription.LateCallbacks, Is.EqualTo(lateBefore));
    }

    [Test]
    public async Task Disposing_an_enumerator_that_never_read_deregisters()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var watch = (LibvirtEventWatch)Connection.WatchDomainLifecycleAsync(TestDriver.UniqueName("ev-dispose"));

        await watch.GetAsyncEnumerator().DisposeAsync();

        await watch.Subscription.Hubs[0].Freed.WaitAsync(timeout.Token);
        Assert.That(() => watch.GetAsyncEnumerator(), Throws.InvalidOperationException);
    }

    [Test]
    public async Task Overflow_yields_one_EventsLostEvent_with_the_count_then_the_stream_continues()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var name = TestDriver.UniqueName("ev-overflow");

        // Registered first, so libvirt calls it before the witness for each event.
        var watch = (LibvirtEventWatch)Connection.WatchDomainLifecycleAsync(name, 2, timeout.Token);
        await using var small = watch.GetAsyncEnumerator();
        await using var witness = Connection.WatchDomainLifecycleAsync(name, timeout.Token).GetAsyncEnumerator();

        using var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name));
        for (var i = 0; i < 4; i++)
        {
            domain.Start();
            domain.Destroy();
        }

        domain.Start(); // 10 events: defined, then 4 × (started, stopped), then started.
        await EventStream.Next<DomainLifecycleEvent>(witness, 10); // All 10 dispatched: the small buffer holds 2, 8 were counted as lost.
        Assert.That(watch.Subscription.Reader.Count, Is.EqualTo(2), "the buffer stays bounded at its capacity");
        var received = await EventStream.Next(small, 2);
        domain.Destroy(); // The 11th: the first that fits after the loss, now that the consumer has made room.
        received.AddRange(await EventStream.Next(small, 2));
        domain.Undefine();
        received.AddRange(await EventStream.Next(small, 1)); // After the marker, the stream goes on as before.

        Assert.That(received, Has.Count.EqualTo(5));
        Assert.That(received[0], Is.TypeOf<DomainLifecycleEvent>().With.Property(nameof(DomainLifecycleEvent.Type)).EqualTo(DomainLifecycleEventType.Defined));
        Assert.That(received[1], Is.TypeOf<DomainLifecycleEvent>().With.Property(nameof(DomainLifecycleEvent.Type)).EqualTo(DomainLifecycleEventType.Started));
        Assert.That(received[2], Is.TypeOf<EventsLostEvent>().With.Property(nameof(EventsLostEvent.Count)).EqualTo(8));
        Assert.That(received[3], Is.TypeOf<DomainLifecycleEvent>().With.Property(nameof(DomainLifecycleEvent.Type)).EqualTo(DomainLifecycleEventType.Stopped));
        Assert.That(received[4], Is.TypeOf<DomainLifecycleEvent>().With.Property(nameof(DomainLifecycleEvent.Type)).EqualTo(DomainLifecycleEventType.Undefined));
        Assert.That(received[2].Timestamp, Is.EqualTo(received[3].Timestamp), "the marker is stamped when the loss is reported");
    }

    [Test]
    public async Task A_consumer_that_throws_ends_only_its_own_subscription()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var name = TestDriver.UniqueName("ev-throw");
        var watch = (LibvirtEventWatch)Connection.WatchDomainLifecycleAsync(name, timeout.Token);
        await using var survivor = Connection.WatchDomainLifecycleAsync(name, timeout.Token).GetAsyncEnumerator();
        var throwing = Task.Run(async () =>
        {
            await foreach (var item in watch)
            {
                throw new InvalidOperationException($"consumer failed on {((DomainLifecycleEvent)item).Type}");
            }
        });

        using var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name));

        Assert.That(async () => await throwing, Throws.InvalidOperationException.With.Message.EqualTo("consumer failed on Defined"));
        domain.Undefine();
        var received = await EventStream.Next<DomainLifecycleEvent>(survivor, 2);

        // The loop thread and the other subscription on the same libvirt registration carry on.
        Assert.That(received.Select(e => e.Type), Is.EqualTo(new[] { DomainLifecycleEventType.Defined, DomainLifecycleEventType.Undefined }));
        Assert.That(LibvirtEventLoop.IsRunning, Is.True);
        Assert.That(watch.Subscription.Delivered, Is.EqualTo(1));
    }

    [Test]
    public void Subscribing_on_a_disposed_connection_throws_ObjectDisposedException()
    {
        var connection = LibvirtConnection.Open(TestDriver.Uri);
        connection.Dispose();

        Assert.That(() => connection.WatchDomainLifecycleAsync(), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public async Task A_subscription_outlives_the_connection_object_until_disposed()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var name = TestDriver.UniqueName("ev-outlive");
        var connection = LibvirtConnection.Open(TestDriver.Uri);
        var watch = (LibvirtEventWatch)connection.WatchDomainLifecycleAsync(name, timeout.Token);
        var events = watch.GetAsyncEnumerator();
        connection.Dispose();

        using (var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name)))
        {
            domain.Undefine();
        }

        var received = await EventStream.Next<DomainLifecycleEvent>(events, 2);
        await events.DisposeAsync();
        await watch.Subscription.Hubs[0].Freed.WaitAsync(timeout.Token);

        Assert.That(received.Select(e => e.Type), Is.EqualTo(new[] { DomainLifecycleEventType.Defined, DomainLifecycleEventType.Undefined }));
    }

    [Test]
    public async Task Every_detail_the_test_driver_emits_arrives_typed()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var name = TestDriver.UniqueName("ev-details");
        var renamed = TestDriver.UniqueName("ev-renamed");
        var savePath = Path.Combine(Path.GetTempPath(), $"{name}.save");

        // All domains, matched by UUID below: a rename changes the name mid-stream.
        await using var events = Connection.WatchDomainLifecycleAsync(cancellationToken: timeout.Token).GetAsyncEnumerator();
        using var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name));
        var uuid = domain.Uuid.ToString();
        try
        {
            domain.Start();
            TestNative.Suspend(domain);
            TestNative.Resume(domain);
            domain.Shutdown();
            domain.Start();
            TestNative.Save(domain, savePath);
            TestNative.Restore(Connection, savePath);
            TestNative.SnapshotAndRevert(domain, "s1");
            domain.Destroy();
            TestNative.Rename(domain, renamed);
        }
        finally
        {
            domain.Undefine(DomainUndefineOptions.SnapshotsMetadata);
            File.Delete(savePath);
        }

        var received = await EventStream.Next<DomainLifecycleEvent>(events, 14, e => e.DomainUuid == uuid);

        Assert.That(received.Select(Describe), Is.EqualTo(new[]
        {
            "Defined Added", "Started Booted", "Suspended Paused", "Resumed Unpaused", "Stopped Shutdown",
            "Started Booted", "Stopped Saved", "Started Restored", "Stopped FromSnapshot", "Started FromSnapshot",
            "Stopped Destroyed", "Undefined Renamed", "Defined Renamed", "Undefined Removed",
        }));
        Assert.That(received[12].DomainName, Is.EqualTo(renamed), "after a rename, events carry the new name");
        Assert.That(received[11].DomainName, Is.EqualTo(name));
    }

    [Test]
    public void Exactly_the_typed_detail_that_matches_the_type_is_set()
    {
        foreach (var type in Enum.GetValues<DomainLifecycleEventType>())
        {
            var item = new DomainLifecycleEvent { DomainName = "d", DomainUuid = "u", Type = type, Detail = 1, Timestamp = DateTimeOffset.UnixEpoch };
            object?[] details =
            [
                item.DefinedDetail, item.UndefinedDetail, item.StartedDetail, item.SuspendedDetail, item.ResumedDetail,
                item.StoppedDetail, item.ShutdownDetail, item.PMSuspendedDetail, item.CrashedDetail,
            ];

            // The properties are listed in virDomainEventType order, so the one set is at the type's own value.
            Assert.That(details.Select((d, i) => (d is null, i)), Is.EqualTo(details.Select((_, i) => (i != (int)type, i))), type.ToString());
            Assert.That(Convert.ToInt32(details[(int)type], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(1));
        }
    }

    private static string Describe(DomainLifecycleEvent e)
    {
        object? detail = e.Type switch
        {
            DomainLifecycleEventType.Defined => e.DefinedDetail,
            DomainLifecycleEventType.Undefined => e.UndefinedDetail,
            DomainLifecycleEventType.Started => e.StartedDetail,
            DomainLifecycleEventType.Suspended => e.SuspendedDetail,
            DomainLifecycleEventType.Resumed => e.ResumedDetail,
            DomainLifecycleEventType.Stopped => e.StoppedDetail,
            DomainLifecycleEventType.Shutdown => e.ShutdownDetail,
            DomainLifecycleEventType.PMSuspended => e.PMSuspendedDetail,
            DomainLifecycleEventType.Crashed => e.CrashedDetail,
            _ => null,
        };
        return $"{e.Type} {detail}";
    }
}
