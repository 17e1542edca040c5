using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>
/// A connection's <c>virConnectRegisterCloseCallback</c> registration: libvirt calls <see cref="OnClose"/> once when
/// the connection breaks (end of file, I/O error, keepalive timeout) and the registration hands the reason to its
/// listeners on the thread pool.
/// </summary>
/// <remarks>
/// <para>Lifetime: libvirt holds a <see cref="GCHandle"/> to this object as opaque and releases it through the free
/// callback (<see cref="OnFree"/>): right after the close callback ran, or inside
/// <c>virConnectUnregisterCloseCallback</c>. Drivers without close callbacks (the in-process test driver) accept the
/// registration, keep nothing and never call the free callback, so <see cref="Unregister"/> frees the handle itself
/// when libvirt has not: once unregistration returned, libvirt can no longer call either function.</para>
/// <para>libvirt's registration holds a reference on the connection, so the connection only really closes after
/// unregistration; <see cref="ConnectHandle"/> unregisters before <c>virConnectClose</c>, from Dispose and from its
/// finalizer alike. The opaque reaches only this object, never the <see cref="LibvirtConnection"/>, so a connection
/// nobody disposed can still be collected and finalized.</para>
/// <para>The close callback runs on whichever libvirt thread noticed the break (the event loop thread, or a thread
/// inside a call), holding libvirt's close-callback lock: it must neither block nor call back into libvirt, so the
/// listeners run on the thread pool.</para>
/// </remarks>
internal sealed unsafe class ConnectionCloseCallback
{
    private static int live;

    private readonly Lock listenersLock = new();
    private GCHandle self;
    private int handleFreed;
    private int closed = -1;
    private EventHandler<ConnectionClosedEvent>? listeners;
    private ConnectionClosedEvent? closedEvent;
    private bool notified;

    private ConnectionCloseCallback()
    {
    }

    /// <summary>Registrations whose handle is not freed yet (for tests and leak checks).</summary>
    internal static int Live => Volatile.Read(ref live);

    /// <summary>The connection object the listeners receive as sender; weak, so that the registration never keeps it alive.</summary>
    internal WeakReference<LibvirtConnection>? Owner { get; set; }

    /// <summary>Whether the handle libvirt held was freed (by libvirt's free callback or after unregistration).</summary>
    internal bool HandleFreed => Volatile.Read(ref handleFreed) != 0;

    /// <summary>The reason libvirt reported, or null while the connection was not closed.</summary>
    internal LibvirtConnectionCloseReason? ClosedReason => Volatile.Read(ref closed) is var reason and >= 0 ? (LibvirtConnectionCloseReason)reason : null;

    /// <summary>The close as listeners receive it, or null while libvirt has not reported one.</summary>
    internal ConnectionClosedEvent? ClosedEvent => Volatile.Read(ref closedEvent);

    /// <summary>Registers a close callback on <paramref name="connection"/>, which must not have one yet.</summary>
    /// <exception cref="LibvirtException">libvirt refused the registration.</exception>
    internal static ConnectionCloseCallback Register(ConnectHandle connection)
    {
        var registration = new ConnectionCloseCallback();
        registration.self = GCHandle.Alloc(registration);
        Interlocked.Increment(ref live);
        var call = LibvirtCall.Begin(nameof(Libvirt.virConnectRegisterCloseCallback));
        if (Libvirt.virConnectRegisterCloseCallback(connection.DangerousGetHandle(), &OnClose, GCHandle.ToIntPtr(registration.self), &OnFree) < 0)
        {
            var exception = call.Fail();

            // Nothing was stored: libvirt will not call the free callback.
            registration.ReleaseHandle();
            throw exception;
        }

        call.Succeeded();
        return registration;
    }

    /// <summary>
    /// Adds a listener; it runs once on the thread pool when libvirt reports the close, or at once (on the thread
    /// pool) when the close was already reported, so no listener misses it.
    /// </summary>
    internal void Add(EventHandler<ConnectionClosedEvent> listener)
    {
        lock (listenersLock)
        {
            if (!notified)
            {
                listeners += listener;
                return;
            }
        }

        var closed = closedEvent!;
        ThreadPool.UnsafeQueueUserWorkItem(_ => Invoke(listener, Sender, closed), null);
    }

    /// <summary>Removes a listener added with <see cref="Add"/>.</summary>
    internal void Remove(EventHandler<ConnectionClosedEvent> listener)
    {
        lock (listenersLock)
        {
            listeners -= listener;
        }
    }

    /// <summary>
    /// <c>virConnectUnregisterCloseCallback</c>, then frees the handle if libvirt did not. Called with the raw pointer
    /// from <see cref="ConnectHandle"/>'s release, before <c>virConnectClose</c>. Never throws.
    /// </summary>
    internal void Unregister(nint connection)
    {
        // Fails ("A different callback was requested") when no callback is held, e.g. after it fired; harmless.
        if (Libvirt.virConnectUnregisterCloseCallback(connection, &OnClose) < 0)
        {
            LibvirtError.TakeLast();
        }

        ReleaseHandle();
    }

    /// <summary>
    /// What <see cref="OnClose"/> does with libvirt's report: records the first close and notifies the listeners on
    /// the thread pool. Tests call it directly to act out a break on the in-process driver, which never breaks.
    /// </summary>
    internal void ReportClosed(LibvirtConnectionCloseReason reason)
    {
        if (Interlocked.CompareExchange(ref closed, (int)reason, -1) != -1)
        {
            return;
        }

        closedEvent = new ConnectionClosedEvent { Reason = reason, Timestamp = DateTimeOffset.UtcNow };
        ThreadPool.UnsafeQueueUserWorkItem(static registration => registration.Notify(), this, preferLocal: false);
    }

    /// <summary><c>virConnectCloseFunc</c>: records the reason and leaves the rest to the thread pool. Never throws into libvirt.</summary>
    [UnmanagedCallersOnly]
    private static void OnClose(nint conn, int reason, nint opaque)
    {
        try
        {
            if (GCHandle.FromIntPtr(opaque).Target is ConnectionCloseCallback registration)
            {
                registration.ReportClosed((LibvirtConnectionCloseReason)reason);
            }
        }
#pragma warning disable CA1031 // Native code called us: an exception escaping here would tear down the process.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary><c>virFreeCallback</c> for the opaque: libvirt is done with it.</summary>
    [UnmanagedCallersOnly]
    private static void OnFree(nint opaque)
    {
        try
        {
            if (GCHandle.FromIntPtr(opaque).Target is ConnectionCloseCallback registration)
            {
                registration.ReleaseHandle();
            }
        }
#pragma warning disable CA1031 // See OnClose.
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
    }

    private LibvirtConnection? Sender => Owner is { } owner && owner.TryGetTarget(out var connection) ? connection : null;

    private static void Invoke(EventHandler<ConnectionClosedEvent> listener, object? sender, ConnectionClosedEvent closed)
    {
        try
        {
            listener(sender, closed);
        }
#pragma warning disable CA1031 // One listener's failure must not keep the others from learning that the connection is gone.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void Notify()
    {
        EventHandler<ConnectionClosedEvent>? targets;
        lock (listenersLock)
        {
            notified = true;
            targets = listeners;
            listeners = null;
        }

        if (targets is null)
        {
            return;
        }

        var sender = Sender;
        foreach (var listener in targets.GetInvocationList().Cast<EventHandler<ConnectionClosedEvent>>())
        {
            Invoke(listener, sender, closedEvent!);
        }
    }
}
