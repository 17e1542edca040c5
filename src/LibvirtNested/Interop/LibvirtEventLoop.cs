using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>
/// The process's one libvirt event loop: <c>virEventRegisterDefaultImpl</c> once, then a dedicated background
/// thread that blocks in <c>virEventRunDefaultImpl</c> (poll(2) inside libvirt, so no busy-waiting) and
/// dispatches every event callback of every connection. The thread runs while anything holds a lease
/// (<see cref="Acquire"/>): every event registration holds one until libvirt frees its opaque, so the thread ends
/// once the last subscription is gone and starts again with the next.
/// </summary>
/// <remarks>
/// <para>libvirt allows one event implementation per process and has no call to unregister it
/// (<c>virEventRegisterImpl</c> ignores a second one with only a log warning), so the registration stays for the
/// life of the process; only the thread comes and goes. At most one loop thread exists at a time: a thread
/// decides to end under <see cref="Gate"/>, where <see cref="Acquire"/> decides to start one.</para>
/// <para>Another library in the process may have registered an event implementation first (libvirt-python's
/// default loop, a GLib or custom loop). Then this library cannot know whether that loop is being run, and
/// running libvirt's default loop beside it would wait on a loop libvirt does not use: events would silently
/// never arrive. It is detected before registering (<c>virEventAddTimeout</c> succeeds only once an
/// implementation exists) and refused with a <see cref="LibvirtEventLoopException"/> that says what to do.</para>
/// <para>Ordering rule: libvirt recommends registering the event implementation before opening the connections
/// that use it, because remote connections decide at open time whether they can use events and keepalive. The
/// in-process test driver does not care. <see cref="LibvirtConnection.Open(string, LibvirtConnectionOptions?)"/> (and
/// every other open) therefore registers the implementation and takes a lease before it opens a connection through a
/// daemon with keepalive on, the default (<c>KeepAliveSettings.AcquireEventLoop</c>); only a connection opened with
/// keepalive turned off, before any subscription of the process, may need to be reopened to receive events.</para>
/// </remarks>
internal static unsafe class LibvirtEventLoop
{
    private static readonly Lock Gate = new();
    private static volatile bool implementationRegistered;
    private static bool exiting;
    private static int leases;
    private static Thread? thread;
    private static int threadsStarted;

    /// <summary>Whether a loop thread runs.</summary>
    internal static bool IsRunning
    {
        get
        {
            lock (Gate)
            {
                return thread is { IsAlive: true };
            }
        }
    }

    /// <summary>The thread that runs the loop now, if any (tests join it).</summary>
    internal static Thread? CurrentThread
    {
        get
        {
            lock (Gate)
            {
                return thread;
            }
        }
    }

    /// <summary>Leases held now: live registrations plus explicit holders.</summary>
    internal static int Leases
    {
        get
        {
            lock (Gate)
            {
                return leases;
            }
        }
    }

    /// <summary>Whether this library registered libvirt's default event implementation (it stays for the process).</summary>
    internal static bool ImplementationRegistered => implementationRegistered;

    /// <summary>How many loop threads this process has started (a restart shows as an increment).</summary>
    internal static int ThreadsStarted => Volatile.Read(ref threadsStarted);

    /// <summary>
    /// Takes a lease on the loop: registers libvirt's default event implementation the first time, and starts the
    /// loop thread if none runs. Every call is paired with one <see cref="Release"/>.
    /// </summary>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 is not installed.</exception>
    /// <exception cref="LibvirtEventLoopException">Another event implementation is registered, or <c>virEventRegisterDefaultImpl</c> failed.</exception>
    internal static void Acquire()
    {
        lock (Gate)
        {
            EnsureImplementationLocked();
            leases++;
            if (thread is null)
            {
                var loop = new Thread(Run) { IsBackground = true, Name = "libvirt event loop" };
                thread = loop;
                Interlocked.Increment(ref threadsStarted);
                loop.Start();
            }
        }
    }

    /// <summary>
    /// Whether a connection to <paramref name="uri"/> puts anything in the loop: every driver reached through the
    /// remote driver (a socket: <c>qemu:///system</c>, <c>qemu+ssh://…</c>, <c>test+tcp://…</c>) does; the in-process
    /// test driver (<c>test:///…</c>) does not. An unknown URI counts as using it.
    /// </summary>
    internal static bool UsesLoop(string? uri)
    {
        var colon = uri?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon < 0 || !string.Equals(uri![..colon], "test", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Returns a lease; the last one wakes the loop so that its thread ends. Never throws.</summary>
    internal static void Release()
    {
        bool wake;
        lock (Gate)
        {
            leases--;
            wake = leases == 0 && thread is not null && !ReferenceEquals(Thread.CurrentThread, thread);
        }

        // Outside the gate: libvirt's loop takes its own lock to add the timer, and the loop thread may be waiting
        // for the gate. A lease released on the loop thread itself needs no wake: it checks right after the dispatch.
        if (wake)
        {
            Wake();
        }
    }

    /// <summary>Registers the default implementation once, refusing when someone else registered one first.</summary>
    private static void EnsureImplementationLocked()
    {
        if (implementationRegistered)
        {
            return;
        }

        Libvirt.EnsureInitialized();

        // virEventAddTimeout returns -1 (without an error) while no implementation is registered; a disabled
        // timer (-1) never fires, and is removed at once.
        var probe = Libvirt.virEventAddTimeout(-1, &OnProbeTimer, 0, null);
        if (probe >= 0)
        {
            _ = Libvirt.virEventRemoveTimeout(probe);
            throw new LibvirtEventLoopException(
                "Another libvirt event implementation is already registered in this process (virEventRegisterImpl or "
                + "virEventRegisterDefaultImpl was called by other code, e.g. a second libvirt binding). libvirt allows one "
                + "per process and this library cannot tell whether that loop is run, so it does not subscribe: events "
                + "would never arrive. Let LibvirtNested subscribe before the other code registers its loop (it then "
                + "keeps its own registration, and the other code's virEventRegisterImpl call is ignored by libvirt), "
                + "or use only one libvirt binding for events in this process.");
        }

        if (Libvirt.virEventRegisterDefaultImpl() < 0)
        {
            var info = LibvirtError.TakeLast();
            throw new LibvirtEventLoopException(
                $"virEventRegisterDefaultImpl failed: {info?.Message ?? "no libvirt error reported"}. Events cannot be delivered.");
        }

        implementationRegistered = true;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopForExit();
    }

    /// <summary>At process exit the loop ends whatever holds a lease, so it does not run during teardown.</summary>
    private static void StopForExit()
    {
        lock (Gate)
        {
            exiting = true;
        }

        Wake();
    }

    /// <summary>Makes a blocked <c>virEventRunDefaultImpl</c> return with a zero-delay one-shot timer.</summary>
    private static void Wake() => _ = Libvirt.virEventAddTimeout(0, &OnWakeTimer, 0, null);

    private static void Run()
    {
        while (true)
        {
            if (Libvirt.virEventRunDefaultImpl() < 0)
            {
                // A failed iteration (poll error) is reported in the thread's libvirt error; drop it and go on,
                // the loop must not die while subscriptions depend on it.
                LibvirtError.TakeLast();
            }

            lock (Gate)
            {
                if (leases == 0 || exiting)
                {
                    thread = null;
                    return;
                }
            }
        }
    }

    /// <summary>The wake-up timer: removes itself (one-shot); its only purpose is to make poll(2) return.</summary>
    [UnmanagedCallersOnly]
    private static void OnWakeTimer(int timer, nint opaque) => _ = Libvirt.virEventRemoveTimeout(timer);

    /// <summary>The probe's timer callback; the probe is disabled and removed, so this never runs.</summary>
    [UnmanagedCallersOnly]
    private static void OnProbeTimer(int timer, nint opaque)
    {
    }
}
