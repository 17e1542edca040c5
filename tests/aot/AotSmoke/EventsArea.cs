using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.AotSmoke;

/// <summary>Events (streams and handlers, domains, networks, pools) and the waits they wake, on test:///default.</summary>
internal static class EventsArea
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(SmokeRun run, string workDirectory)
    {
        using var connection = LibvirtConnection.Open(NativeArea.Uri);
        using var timeout = new CancellationTokenSource(Generous);

        // Subscribed when the call returns: both events below are caught although nothing reads yet.
        var stream = connection.WatchDomainLifecycleAsync("aot-events", timeout.Token);
        var handled = new List<LibvirtEvent>();
        using (connection.SubscribeDomainEvents(DomainEventKinds.Lifecycle, "aot-events", e =>
        {
            lock (handled)
            {
                handled.Add(e);
            }
        }))
        {
            using var domain = connection.DefineDomain(new DomainBuilder("aot-events").WithMemory(DataSize.FromMebibytes(128)).Build());
            domain.Start();
            var types = new List<DomainLifecycleEventType>();
            await foreach (var e in stream.ConfigureAwait(false))
            {
                if (e is DomainLifecycleEvent lifecycle)
                {
                    types.Add(lifecycle.Type);
                    run.Check($"event {lifecycle.Type} names its domain and has a time", lifecycle.DomainName == "aot-events" && lifecycle.Timestamp != default, lifecycle.ToString());
                }

                if (types.Count == 2)
                {
                    break;
                }
            }

            run.Equal("lifecycle stream: defined, then started", "Defined,Started", string.Join(',', types));
            await Eventually(() =>
            {
                lock (handled)
                {
                    return handled.Count >= 2;
                }
            }).ConfigureAwait(false);
            run.Check("handler subscription got the same events", handled.OfType<DomainLifecycleEvent>().Select(e => e.Type).Take(2).SequenceEqual(types));

            await Waits(run, domain).ConfigureAwait(false);
        }

        await NetworkAndPoolEvents(run, connection, workDirectory, timeout.Token).ConfigureAwait(false);
    }

    private static async Task Waits(SmokeRun run, LibvirtDomain domain)
    {
        var paused = domain.WaitForStateAsync(DomainState.Paused, Generous);
        domain.Suspend();
        run.Equal("WaitForStateAsync: paused", DomainState.Paused, (await paused.ConfigureAwait(false)).State);
        domain.Resume();

        var outcome = await domain.ShutdownAndWaitAsync(Generous, new DomainShutdownOptions { DestroyOnTimeout = true }).ConfigureAwait(false);
        run.Check("ShutdownAndWaitAsync: off", outcome is DomainShutdownOutcome.ShutDown or DomainShutdownOutcome.Destroyed, outcome.ToString());
        run.Equal("ShutdownAndWaitAsync on an off guest", DomainShutdownOutcome.AlreadyShutOff, await domain.ShutdownAndWaitAsync(Generous).ConfigureAwait(false));

        domain.Start();
        try
        {
            await domain.WaitForGuestAgentAsync(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
            run.Check("WaitForGuestAgentAsync without an agent channel", false, "completed");
        }
        catch (InvalidOperationException e)
        {
            run.Check("WaitForGuestAgentAsync without an agent channel says which channel", e.Message.Contains("org.qemu.guest_agent.0", StringComparison.Ordinal), e.Message);
        }

        try
        {
            await domain.DetachDeviceAndWaitAsync("virtio-disk0", Generous).ConfigureAwait(false);
            run.Check("DetachDeviceAndWaitAsync on the test driver", false, "completed");
        }
        catch (LibvirtUnsupportedOperationException)
        {
            run.Check("DetachDeviceAndWaitAsync: the test driver's refusal is typed", true);
        }

        using (var test = domain.Connection.GetDomain("test"))
        {
            var interfaces = await test.WaitForAddressesAsync(Generous).ConfigureAwait(false);
            run.Check("WaitForAddressesAsync: the test guest's addresses", interfaces.Count > 0 && interfaces[0].Addresses.Count > 0, string.Join("; ", interfaces));
        }

        await domain.DestroyAsync().ConfigureAwait(false);
        domain.Undefine();
    }

    private static async Task NetworkAndPoolEvents(SmokeRun run, LibvirtConnection connection, string workDirectory, CancellationToken token)
    {
        await using var networks = connection.WatchNetworkEventsAsync("aot-evnet", token).GetAsyncEnumerator(token);
        await using var pools = connection.WatchStoragePoolEventsAsync("aot-evpool", token).GetAsyncEnumerator(token);
        using (var network = connection.DefineNetwork(new Xml.Network.NatNetworkBuilder("aot-evnet").WithBridge("virbr-aote").WithSubnet("192.168.180.0/24").Build()))
        {
            network.Undefine();
        }

        using (var pool = connection.DefineDirectoryPool("aot-evpool", Path.Combine(workDirectory, "evpool")))
        {
            pool.Undefine();
        }

        run.Equal("network event: defined", NetworkLifecycleEventType.Defined, await NextAsync<NetworkLifecycleEvent, NetworkLifecycleEventType>(networks, e => e.Type).ConfigureAwait(false));
        run.Equal("network event: undefined", NetworkLifecycleEventType.Undefined, await NextAsync<NetworkLifecycleEvent, NetworkLifecycleEventType>(networks, e => e.Type).ConfigureAwait(false));
        run.Equal("pool event: defined", StoragePoolLifecycleEventType.Defined, await NextAsync<StoragePoolLifecycleEvent, StoragePoolLifecycleEventType>(pools, e => e.Type).ConfigureAwait(false));
        run.Equal("pool event: undefined", StoragePoolLifecycleEventType.Undefined, await NextAsync<StoragePoolLifecycleEvent, StoragePoolLifecycleEventType>(pools, e => e.Type).ConfigureAwait(false));
    }

    private static async Task<TValue> NextAsync<TEvent, TValue>(IAsyncEnumerator<LibvirtEvent> events, Func<TEvent, TValue> select)
        where TEvent : LibvirtEvent
    {
        while (await events.MoveNextAsync().ConfigureAwait(false))
        {
            if (events.Current is TEvent typed)
            {
                return select(typed);
            }
        }

        throw new InvalidOperationException($"the stream ended before a {typeof(TEvent).Name}");
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Generous;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }
    }
}
