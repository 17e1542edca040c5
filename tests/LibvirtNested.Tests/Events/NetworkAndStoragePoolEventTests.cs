using NUnit.Framework;

namespace LibvirtNested.Tests.Events;

/// <summary>Network and storage pool lifecycle events on the test driver, every type it emits.</summary>
public class NetworkAndStoragePoolEventTests : TestDriverFixture
{
    [Test]
    public async Task Network_define_start_destroy_undefine_arrive_typed_for_the_named_network_only()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        var name = TestDriver.UniqueName("ev-net");
        var other = TestDriver.UniqueName("ev-net-other");
        await using var events = Connection.WatchNetworkEventsAsync(name, timeout.Token).GetAsyncEnumerator();
        await using var all = Connection.WatchNetworkEventsAsync(cancellationToken: timeout.Token).GetAsyncEnumerator();

        string uuid;
        using (var skipped = Connection.DefineNetwork(TestDriver.NetworkXmlText(other, BridgeName(), "192.168.171")))
        using (var network = Connection.DefineNetwork(TestDriver.NetworkXmlText(name, BridgeName(), "192.168.172")))
        {
            uuid = network.Uuid.ToString();
            network.Start();
            network.Destroy();
            network.Undefine();
            skipped.Undefine();
        }

        var received = await EventStream.Next<NetworkLifecycleEvent>(events, 4);
        var everything = await EventStream.Next<NetworkLifecycleEvent>(all, 6, e => e.NetworkName == name || e.NetworkName == other);

        Assert.That(received.Select(e => e.Type), Is.EqualTo(new[]
        {
            NetworkLifecycleEventType.Defined, NetworkLifecycleEventType.Started, NetworkLifecycleEventType.Stopped, NetworkLifecycleEventType.Undefined,
        }));
        Assert.That(received.Select(e => (e.NetworkName, e.NetworkUuid)), Is.All.EqualTo((name, uuid)));
        Assert.That(everything.Count(e => e.NetworkName == other), Is.EqualTo(2), "null takes every network");
    }

    [Test]
    public async Task Pool_define_build_start_destroy_delete_undefine_arrive_typed()
    {
        using var timeout = new CancellationTokenSource(EventStream.Timeout);
        var name = TestDriver.UniqueName("ev-pool");
        await using var events = Connection.WatchStoragePoolEventsAsync(name, timeout.Token).GetAsyncEnumerator();

        string uuid;
        using (var pool = Connection.DefineDirectoryPool(name, Path.Combine(Path.GetTempPath(), name)))
        {
            uuid = Guid.Parse(pool.GetLiveXml().Element.Element("uuid")!.Value).ToString();
            pool.Build();
            pool.Start();
            pool.Destroy();
            TestNative.DeletePool(pool);
            pool.Undefine();
        }

        var received = await EventStream.Next<StoragePoolLifecycleEvent>(events, 6);

        Assert.That(received.Select(e => e.Type), Is.EqualTo(new[]
        {
            StoragePoolLifecycleEventType.Defined, StoragePoolLifecycleEventType.Created, StoragePoolLifecycleEventType.Started,
            StoragePoolLifecycleEventType.Stopped, StoragePoolLifecycleEventType.Deleted, StoragePoolLifecycleEventType.Undefined,
        }));
        Assert.That(received.Select(e => (e.PoolName, e.PoolUuid)), Is.All.EqualTo((name, uuid)));
    }

    private static string BridgeName() => "evbr" + Guid.NewGuid().ToString("N")[..8];
}
