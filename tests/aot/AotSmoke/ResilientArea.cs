using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.AotSmoke;

/// <summary>The resilient connection: its connection, its re-registering streams, its state.</summary>
internal static class ResilientArea
{
    public static async Task RunAsync(SmokeRun run)
    {
        using var libvirt = ResilientLibvirtConnection.Open(NativeArea.Uri, new LibvirtConnectionOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100) });
        var closed = 0;
        libvirt.Disconnected += (_, _) => Interlocked.Increment(ref closed);
        run.Check("resilient: connected", libvirt.IsConnected && libvirt.Reconnects == 0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = libvirt.WatchDomainLifecycleAsync("aot-kept", timeout.Token);
        var generic = libvirt.WatchAsync((connection, token) => connection.WatchDomainLifecycleAsync("aot-kept", token), timeout.Token);
        var connection = await libvirt.GetConnectionAsync(timeout.Token).ConfigureAwait(false);
        run.Check("resilient: GetConnectionAsync is the current connection", ReferenceEquals(connection, libvirt.Connection));
        using (var domain = connection.DefineDomain(new DomainBuilder("aot-kept").WithMemory(DataSize.FromMebibytes(128)).Build()))
        {
            domain.Undefine();
        }

        run.Equal("resilient: the stream sees the definition", DomainLifecycleEventType.Defined, await FirstTypeAsync(events).ConfigureAwait(false));
        run.Equal("resilient: WatchAsync with any subscription", DomainLifecycleEventType.Defined, await FirstTypeAsync(generic).ConfigureAwait(false));
        run.Equal("resilient: no disconnect on the test driver", 0, Volatile.Read(ref closed));
    }

    private static async Task<DomainLifecycleEventType?> FirstTypeAsync(IAsyncEnumerable<LibvirtEvent> events)
    {
        await foreach (var e in events.ConfigureAwait(false))
        {
            if (e is DomainLifecycleEvent lifecycle)
            {
                return lifecycle.Type;
            }
        }

        return null;
    }
}
