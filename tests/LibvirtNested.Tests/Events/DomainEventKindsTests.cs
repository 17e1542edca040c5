using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Events;

/// <summary>
/// <see cref="LibvirtConnection.WatchDomainEventsAsync(DomainEventKinds, string?, CancellationToken)"/>: the kinds the
/// test driver emits (lifecycle, metadata change) end to end; the kinds it never emits (reboot, device added / removed /
/// removal failed, agent lifecycle, block job) through their native entry points, called as libvirt would call them.
/// </summary>
public class DomainEventKindsTests : TestDriverFixture
{
    private const int VirDomainAffectLive = 1;
    private const int VirDomainAffectConfig = 2;

    [Test]
    public async Task Metadata_changes_arrive_typed_with_the_namespace_uri_in_order_with_lifecycle_events()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        var name = TestDriver.UniqueName("ev-meta");
        await using var events = Connection.WatchDomainEventsAsync(DomainEventKinds.Lifecycle | DomainEventKinds.MetadataChange, name, timeout.Token).GetAsyncEnumerator();

        using (var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name)))
        {
            domain.Start();
            TestNative.SetMetadata(domain, (int)DomainMetadataType.Element, "<tag>l2</tag>", "nest", "https://example.org/nest", VirDomainAffectLive);
            TestNative.SetMetadata(domain, (int)DomainMetadataType.Title, "a title", null, null, VirDomainAffectConfig);
            TestNative.SetMetadata(domain, (int)DomainMetadataType.Description, "a description", null, null, VirDomainAffectLive);
            domain.Destroy();
            domain.Undefine();
        }

        var received = await EventStream.Next<DomainEvent>(events, 7);

        Assert.That(received.Select(e => e.GetType().Name), Is.EqualTo(new[]
        {
            nameof(DomainLifecycleEvent), nameof(DomainLifecycleEvent), nameof(DomainMetadataChangeEvent), nameof(DomainMetadataChangeEvent),
            nameof(DomainMetadataChangeEvent), nameof(DomainLifecycleEvent), nameof(DomainLifecycleEvent),
        }));
        var metadata = received.OfType<DomainMetadataChangeEvent>().ToList();
        Assert.That(metadata.Select(e => (e.Type, e.NamespaceUri)), Is.EqualTo(new (DomainMetadataType, string?)[]
        {
            (DomainMetadataType.Element, "https://example.org/nest"), (DomainMetadataType.Title, null), (DomainMetadataType.Description, null),
        }));
        Assert.That(received.Select(e => e.DomainName), Is.All.EqualTo(name));
    }

    [Test]
    public async Task A_kind_not_asked_for_is_not_delivered()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        var name = TestDriver.UniqueName("ev-onlymeta");
        await using var metadataOnly = Connection.WatchDomainEventsAsync(DomainEventKinds.MetadataChange, name, timeout.Token).GetAsyncEnumerator();

        using (var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name)))
        {
            domain.Start();
            TestNative.SetMetadata(domain, (int)DomainMetadataType.Title, "only this", null, null, VirDomainAffectLive);
            domain.Destroy();
            domain.Undefine();
        }

        // Lifecycle events came before and after the metadata change; the first item is still the metadata change.
        var received = await EventStream.Next<DomainMetadataChangeEvent>(metadataOnly, 1);
        Assert.That(received.Single().Type, Is.EqualTo(DomainMetadataType.Title));
    }

    [Test]
    public unsafe void Events_the_test_driver_never_emits_are_decoded_from_their_native_entry_points()
    {
        var name = TestDriver.UniqueName("ev-native");
        using var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name));
        using var other = Connection.DefineDomain(TestDriver.DomainXmlText(TestDriver.UniqueName("ev-native-other")));
        var kinds = DomainEventKinds.All & ~DomainEventKinds.Lifecycle & ~DomainEventKinds.MetadataChange;
        var watch = (LibvirtEventWatch)Connection.WatchDomainEventsAsync(kinds, name);
        try
        {
            var conn = Connection.Handle.DangerousGetHandle();
            var dom = domain.Handle.DangerousGetHandle();
            var otherDom = other.Handle.DangerousGetHandle();
            var hubs = watch.Subscription.Hubs.ToDictionary(h => h.Source.Name);
            Assert.That(hubs.Keys, Is.EquivalentTo(new[]
            {
                "VIR_DOMAIN_EVENT_ID_REBOOT", "VIR_DOMAIN_EVENT_ID_DEVICE_ADDED", "VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED",
                "VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED", "VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE", "VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2",
            }));

            fixed (byte* alias = "ua-disk1\0"u8, disk = "vdb\0"u8)
            {
                // The exact signatures libvirt calls (libvirt-domain.h), through the function pointers registered with it.
                ((delegate* unmanaged<nint, nint, nint, void>)hubs["VIR_DOMAIN_EVENT_ID_REBOOT"].Source.Callback)(conn, dom, hubs["VIR_DOMAIN_EVENT_ID_REBOOT"].Opaque);
                ((delegate* unmanaged<nint, nint, byte*, nint, void>)hubs["VIR_DOMAIN_EVENT_ID_DEVICE_ADDED"].Source.Callback)(conn, dom, alias, hubs["VIR_DOMAIN_EVENT_ID_DEVICE_ADDED"].Opaque);
                ((delegate* unmanaged<nint, nint, byte*, nint, void>)hubs["VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED"].Source.Callback)(conn, otherDom, alias, hubs["VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED"].Opaque);
                ((delegate* unmanaged<nint, nint, byte*, nint, void>)hubs["VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED"].Source.Callback)(conn, dom, alias, hubs["VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED"].Opaque);
                ((delegate* unmanaged<nint, nint, byte*, nint, void>)hubs["VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED"].Source.Callback)(conn, dom, alias, hubs["VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED"].Opaque);
                ((delegate* unmanaged<nint, nint, int, int, nint, void>)hubs["VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE"].Source.Callback)(conn, dom, 1, 2, hubs["VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE"].Opaque);
                ((delegate* unmanaged<nint, nint, byte*, int, int, nint, void>)hubs["VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2"].Source.Callback)(conn, dom, disk, 4, 3, hubs["VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2"].Opaque);

                // NULL where libvirt promises a string must not crash the loop thread: the event arrives with an empty alias.
                ((delegate* unmanaged<nint, nint, byte*, nint, void>)hubs["VIR_DOMAIN_EVENT_ID_DEVICE_ADDED"].Source.Callback)(conn, dom, null, hubs["VIR_DOMAIN_EVENT_ID_DEVICE_ADDED"].Opaque);
            }

            var received = new List<LibvirtEvent>();
            while (watch.Subscription.Reader.TryRead(out var item))
            {
                received.Add(item);
            }

            var uuid = domain.Uuid.ToString();
            Assert.That(received, Is.EqualTo(new LibvirtEvent[]
            {
                new DomainRebootEvent { DomainName = name, DomainUuid = uuid, Timestamp = received[0].Timestamp },
                new DomainDeviceAddedEvent { DomainName = name, DomainUuid = uuid, DeviceAlias = "ua-disk1", Timestamp = received[1].Timestamp },
                new DomainDeviceRemovedEvent { DomainName = name, DomainUuid = uuid, DeviceAlias = "ua-disk1", Timestamp = received[2].Timestamp },
                new DomainDeviceRemovalFailedEvent { DomainName = name, DomainUuid = uuid, DeviceAlias = "ua-disk1", Timestamp = received[3].Timestamp },
                new DomainAgentLifecycleEvent { DomainName = name, DomainUuid = uuid, State = DomainAgentState.Connected, Reason = DomainAgentStateReason.Channel, Timestamp = received[4].Timestamp },
                new DomainBlockJobEvent { DomainName = name, DomainUuid = uuid, Disk = "vdb", Type = DomainBlockJobType.ActiveCommit, Status = DomainBlockJobStatus.Ready, Timestamp = received[5].Timestamp },
                new DomainDeviceAddedEvent { DomainName = name, DomainUuid = uuid, DeviceAlias = string.Empty, Timestamp = received[6].Timestamp },
            }));
        }
        finally
        {
            watch.Subscription.Dispose();
            domain.Undefine();
            other.Undefine();
        }
    }

    [Test]
    public void Kinds_map_to_their_libvirt_event_ids_and_none_or_unknown_bits_are_refused()
    {
        Assert.That(EventSource.ForDomainKinds(DomainEventKinds.All).Select(s => s.EventId), Is.EqualTo(new[] { 0, 1, 19, 15, 22, 18, 23, 16 }));
        Assert.That(EventSource.ForDomainKinds(DomainEventKinds.DeviceRemoved | DomainEventKinds.DeviceRemovalFailed).Select(s => s.Name),
            Is.EqualTo(new[] { "VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED", "VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED" }));
        Assert.That(() => Connection.WatchDomainEventsAsync(DomainEventKinds.None), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => Connection.WatchDomainEventsAsync((DomainEventKinds)(1 << 20)), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => Connection.SubscribeDomainEvents(DomainEventKinds.None, null, _ => { }), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Every_subscribe_method_on_a_disposed_connection_throws_ObjectDisposedException()
    {
        var connection = LibvirtConnection.Open(TestDriver.Uri);
        connection.Dispose();
        var liveBefore = EventHub.Live;

        Assert.Multiple(() =>
        {
            Assert.That(() => connection.WatchDomainLifecycleAsync(), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => connection.WatchDomainEventsAsync(DomainEventKinds.All), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => connection.WatchNetworkEventsAsync(), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => connection.WatchStoragePoolEventsAsync(), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => connection.SubscribeDomainEvents(DomainEventKinds.All, null, _ => { }), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => connection.SubscribeNetworkEvents(null, _ => { }), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => connection.SubscribeStoragePoolEvents(null, _ => { }), Throws.TypeOf<ObjectDisposedException>());
        });
        Assert.That(EventHub.Live, Is.EqualTo(liveBefore), "nothing registered");
    }
}
