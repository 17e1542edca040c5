using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>
/// The one libvirt registration of an <see cref="EventSource"/> on a connection, shared by all the subscriptions
/// that want it: libvirt refuses a second registration of the same callback for the same connection, event and
/// object ("event callback already tracked"), so subscribers are multiplexed here.
/// </summary>
/// <remarks>
/// Lifetime: libvirt calls the <see cref="EventCallbacks"/> entry point on the event loop thread with a
/// <see cref="GCHandle"/> to this hub as opaque; the handle is freed only in the free callback
/// (<see cref="OnFree"/>), which libvirt calls once the registration is gone and no dispatch can use the opaque.
/// The hub holds a reference on the connection handle, so deregistering works after the connection object was
/// disposed, and a lease on the event loop, so the loop runs until libvirt has let go of the opaque. The callbacks
/// never take <see cref="HubsLock"/> (they read a copied-on-write snapshot), so registering or deregistering under
/// the lock cannot deadlock with a dispatch in progress.
/// </remarks>
internal sealed unsafe class EventHub
{
    private static readonly Lock HubsLock = new();
    private static readonly Dictionary<(nint Connection, EventSource Source), EventHub> Hubs = [];
    private static int live;

    private readonly ConnectHandle connection;
    private readonly TaskCompletionSource freed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EventSubscription[] subscribers = []; // Copied on write, so a dispatch reads a snapshot without a lock.
    private GCHandle self;
    private int callbackId = -1;
    private int handleFreed;

    private EventHub(ConnectHandle connection, EventSource source)
    {
        this.connection = connection;
        Source = source;
    }

    /// <summary>Registrations whose opaque libvirt has not released yet, over every connection and kind (leak checks).</summary>
    internal static int Live => Volatile.Read(ref live);

    /// <summary>What this hub registered.</summary>
    internal EventSource Source { get; }

    /// <summary>Completes when libvirt has called the free callback: the registration is gone for good.</summary>
    internal Task Freed => freed.Task;

    /// <summary>The opaque libvirt passes to the callbacks (tests call <see cref="EventCallbacks"/> entry points with it).</summary>
    internal nint Opaque => GCHandle.ToIntPtr(self);

    /// <summary>
    /// Adds <paramref name="subscription"/> to the hub of each source, registering in libvirt where the connection has
    /// none yet; all or nothing: when one registration fails, the ones made for this call are undone.
    /// </summary>
    /// <exception cref="LibvirtEventLoopException">The event loop could not be set up.</exception>
    /// <exception cref="LibvirtException">libvirt refused a registration.</exception>
    internal static IReadOnlyList<EventHub> Join(ConnectHandle connection, IReadOnlyList<EventSource> sources, EventSubscription subscription)
    {
        var joined = new List<EventHub>(sources.Count);
        lock (HubsLock)
        {
            try
            {
                foreach (var source in sources)
                {
                    var key = (connection.DangerousGetHandle(), source);
                    if (!Hubs.TryGetValue(key, out var hub))
                    {
                        hub = Register(connection, source);
                        Hubs[key] = hub;
                    }

                    hub.subscribers = [.. hub.subscribers, subscription];
                    joined.Add(hub);
                }
            }
            catch
            {
                foreach (var hub in joined)
                {
                    hub.RemoveLocked(subscription);
                }

                throw;
            }
        }

        return joined;
    }

    /// <summary>Removes a subscription from its hubs; the last one out of a hub deregisters it in libvirt. Never throws.</summary>
    internal static void Leave(IReadOnlyList<EventHub> hubs, EventSubscription subscription)
    {
        lock (HubsLock)
        {
            foreach (var hub in hubs)
            {
                hub.RemoveLocked(subscription);
            }
        }
    }

    /// <summary>The hub behind an opaque, if anyone still listens to it (no decoding work otherwise).</summary>
    internal static EventHub? Listening(nint opaque) =>
        GCHandle.FromIntPtr(opaque).Target is EventHub hub && Volatile.Read(ref hub.subscribers).Length != 0 ? hub : null;

    /// <summary>Offers one decoded event to every subscriber of the snapshot; runs on the event loop thread.</summary>
    internal void Publish(LibvirtEvent item, string objectName)
    {
        foreach (var subscription in Volatile.Read(ref subscribers))
        {
            subscription.Offer(item, objectName);
        }
    }

    private static EventHub Register(ConnectHandle connection, EventSource source)
    {
        // The lease starts the loop (and registers libvirt's event implementation) before the first registration,
        // which libvirt requires, and keeps it running until the free callback.
        LibvirtEventLoop.Acquire();
        var hub = new EventHub(connection, source);
        var addedReference = false;
        connection.DangerousAddRef(ref addedReference);
        hub.self = GCHandle.Alloc(hub);
        Interlocked.Increment(ref live);
        var id = source.Register(connection, GCHandle.ToIntPtr(hub.self), &OnFree);
        if (id < 0)
        {
            var exception = LibvirtError.Create(source.RegisterFunction);

            // libvirt keeps no opaque after a failed registration (and calls no free callback later).
            hub.ReleaseHandle();
            connection.DangerousRelease();
            throw exception;
        }

        hub.callbackId = id;
        return hub;
    }

    /// <summary><c>virFreeCallback</c> for the opaque: libvirt is done with it.</summary>
    [UnmanagedCallersOnly]
    private static void OnFree(nint opaque)
    {
        try
        {
            if (GCHandle.FromIntPtr(opaque).Target is EventHub hub)
            {
                hub.ReleaseHandle();
            }
        }
#pragma warning disable CA1031 // A native entry point: nothing may propagate into libvirt.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void RemoveLocked(EventSubscription subscription)
    {
        var remaining = Array.FindAll(subscribers, s => !ReferenceEquals(s, subscription));
        if (remaining.Length == subscribers.Length)
        {
            return;
        }

        subscribers = remaining;
        if (remaining.Length != 0)
        {
            return;
        }

        Hubs.Remove((connection.DangerousGetHandle(), Source));
        if (Source.Deregister(connection.DangerousGetHandle(), callbackId) < 0)
        {
            // Nothing a caller disposing could do about it; the connection is probably gone, and the callback with it.
            LibvirtError.TakeLast();
        }

        connection.DangerousRelease();
    }

    private void ReleaseHandle()
    {
        if (Interlocked.Exchange(ref handleFreed, 1) != 0)
        {
            return;
        }

        self.Free();
        Interlocked.Decrement(ref live);
        LibvirtEventLoop.Release();
        freed.TrySetResult();
    }
}
