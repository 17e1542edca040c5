using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>
/// The one <c>virConnectDomainEventRegisterAny(VIR_DOMAIN_EVENT_ID_LIFECYCLE)</c> registration of a connection,
/// shared by all its lifecycle subscriptions: libvirt refuses a second registration of the same callback for
/// the same connection, event and domain ("event callback already tracked"), so subscribers are multiplexed here.
/// </summary>
/// <remarks>
/// Lifetime: libvirt calls <see cref="OnLifecycle"/> on the event loop thread with a <see cref="GCHandle"/> to
/// this hub as opaque; the handle is freed only in the free callback (<see cref="OnFree"/>), which libvirt
/// calls once the registration is gone and no dispatch can use the opaque. The hub holds a reference on the
/// connection handle so that deregistering works after the connection object was disposed. The callback never
/// takes <see cref="HubsLock"/> (it reads a copied-on-write snapshot), so registering or deregistering under the
/// lock cannot deadlock with a dispatch in progress.
/// </remarks>
internal sealed unsafe class DomainLifecycleHub
{
    private static readonly Lock HubsLock = new();
    private static readonly Dictionary<nint, DomainLifecycleHub> Hubs = [];
    private static int live;

    private readonly ConnectHandle connection;
    private readonly EventHandler<ConnectionClosedEvent> connectionClosed;
    private readonly TaskCompletionSource freed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DomainLifecycleSubscription[] subscribers = []; // Copied on write, so a dispatch reads a snapshot without a lock.
    private GCHandle self;
    private int callbackId = -1;
    private int handleFreed;

    private DomainLifecycleHub(ConnectHandle connection)
    {
        this.connection = connection;
        connectionClosed = (_, closed) => EndAll(closed);
    }

    /// <summary>Registrations whose opaque libvirt has not released yet (for tests and leak checks).</summary>
    internal static int Live => Volatile.Read(ref live);

    /// <summary>Completes when libvirt has called the free callback: the registration is gone for good.</summary>
    internal Task Freed => freed.Task;

    /// <summary>Adds a subscription, registering with libvirt (and starting the event loop) for the connection's first.</summary>
    /// <exception cref="LibvirtEventLoopException">The event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the registration.</exception>
    internal static DomainLifecycleSubscription Subscribe(ConnectHandle connection, string? domainName, int capacity)
    {
        LibvirtEventLoop.EnsureStarted();
        lock (HubsLock)
        {
            var key = connection.DangerousGetHandle();
            if (!Hubs.TryGetValue(key, out var hub))
            {
                hub = Register(connection);
                Hubs[key] = hub;
            }

            var subscription = new DomainLifecycleSubscription(hub, domainName, capacity);
            hub.subscribers = [.. hub.subscribers, subscription];
            if (connection.CloseCallback?.ClosedEvent is { } closed)
            {
                // The hub outlived the close (its other subscribers have not left yet): this one ends at once too.
                subscription.End(closed);
            }

            return subscription;
        }
    }

    /// <summary>Removes a subscription; the last one out deregisters (<c>virConnectDomainEventDeregisterAny</c>). Never throws.</summary>
    internal void Remove(DomainLifecycleSubscription subscription)
    {
        lock (HubsLock)
        {
            subscribers = Array.FindAll(subscribers, s => !ReferenceEquals(s, subscription));
            if (subscribers.Length != 0)
            {
                return;
            }

            Hubs.Remove(connection.DangerousGetHandle());
            connection.CloseCallback?.Remove(connectionClosed);
            if (Libvirt.virConnectDomainEventDeregisterAny(connection.DangerousGetHandle(), callbackId) < 0)
            {
                // Nothing a caller disposing could do about it; the connection is probably gone, and the callback with it.
                LibvirtError.TakeLast();
            }

            connection.DangerousRelease();
        }
    }

    private static DomainLifecycleHub Register(ConnectHandle connection)
    {
        var hub = new DomainLifecycleHub(connection);
        var addedReference = false;
        connection.DangerousAddRef(ref addedReference);
        hub.self = GCHandle.Alloc(hub);
        Interlocked.Increment(ref live);
        delegate* unmanaged<nint, nint, int, int, nint, int> callback = &OnLifecycle;
        var id = Libvirt.virConnectDomainEventRegisterAny(
            connection, 0, Libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, callback, GCHandle.ToIntPtr(hub.self), &OnFree);
        if (id < 0)
        {
            var exception = LibvirtError.Create(nameof(Libvirt.virConnectDomainEventRegisterAny));

            // libvirt keeps no opaque after a failed registration (and calls no free callback later).
            hub.ReleaseHandle();
            connection.DangerousRelease();
            throw exception;
        }

        hub.callbackId = id;

        // Runs at once when the connection already broke, so a stream never waits on a dead connection.
        connection.CloseCallback?.Add(hub.connectionClosed);
        return hub;
    }

    /// <summary><c>virConnectDomainEventCallback</c>: never lets an exception reach native code.</summary>
    [UnmanagedCallersOnly]
    private static int OnLifecycle(nint conn, nint dom, int eventType, int detail, nint opaque)
    {
        try
        {
            if (GCHandle.FromIntPtr(opaque).Target is DomainLifecycleHub hub)
            {
                hub.Dispatch(dom, eventType, detail);
            }
        }
#pragma warning disable CA1031 // The loop thread runs native code: an exception escaping here would tear down the process.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Dropped on purpose: nothing may propagate into libvirt, and the library writes nothing to stderr.
        }

        return 0;
    }

    /// <summary><c>virFreeCallback</c> for the opaque: libvirt is done with it.</summary>
    [UnmanagedCallersOnly]
    private static void OnFree(nint opaque)
    {
        try
        {
            if (GCHandle.FromIntPtr(opaque).Target is DomainLifecycleHub hub)
            {
                hub.ReleaseHandle();
            }
        }
#pragma warning disable CA1031 // See OnLifecycle.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void ReleaseHandle()
    {
        if (Interlocked.Exchange(ref handleFreed, 1) != 0)
        {
            return;
        }

        self.Free();
        Interlocked.Decrement(ref live);
        freed.TrySetResult();
    }

    /// <summary>The connection broke: every stream yields what it holds, then <paramref name="closed"/>, then ends.</summary>
    private void EndAll(ConnectionClosedEvent closed)
    {
        foreach (var subscription in Volatile.Read(ref subscribers))
        {
            subscription.End(closed);
        }
    }

    private void Dispatch(nint dom, int eventType, int detail)
    {
        var targets = Volatile.Read(ref subscribers);
        if (targets.Length == 0)
        {
            return;
        }

        // dom is lent by libvirt for the duration of the callback: read it, never free it.
        var name = Marshal.PtrToStringUTF8(Libvirt.virDomainGetNameBorrowed(dom)) ?? string.Empty;
        var uuid = stackalloc byte[Libvirt.VIR_UUID_STRING_BUFLEN];
        string uuidText;
        if (Libvirt.virDomainGetUUIDStringBorrowed(dom, uuid) < 0)
        {
            LibvirtError.TakeLast();
            uuidText = string.Empty;
        }
        else
        {
            uuidText = Marshal.PtrToStringUTF8((nint)uuid) ?? string.Empty;
        }

        var timestamp = DateTimeOffset.UtcNow;
        foreach (var subscription in targets)
        {
            subscription.Deliver(name, uuidText, (DomainLifecycleEventType)eventType, detail, timestamp);
        }
    }
}
