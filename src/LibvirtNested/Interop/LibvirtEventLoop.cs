using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>
/// The process's one libvirt event loop: <c>virEventRegisterDefaultImpl</c> once, then a dedicated background
/// thread that blocks in <c>virEventRunDefaultImpl</c> (poll(2) inside libvirt, so no busy-waiting) and
/// dispatches every event callback of every connection.
/// </summary>
/// <remarks>
/// <para>Ordering rule: libvirt recommends registering the event implementation before opening the
/// connections that will use it, because remote connections decide at open time whether they can use events
/// (and keepalive). The in-process test driver does not care. This library registers lazily, on the first
/// subscription: a process that subscribes on a remote connection opened before any subscription should call
/// <see cref="EnsureStarted"/> earlier (the public entry point for that belongs to a later slice).</para>
/// <para>libvirt allows one event implementation per process and offers no way to unregister it, so the loop
/// thread lives until the process exits; at exit it is woken by a zero-delay timer
/// (<c>virEventAddTimeout</c>) and stops.</para>
/// </remarks>
internal static unsafe class LibvirtEventLoop
{
    private static readonly Lock StartLock = new();
    private static Thread? thread;
    private static volatile bool stopping;

    /// <summary>Whether the loop thread runs.</summary>
    internal static bool IsRunning => thread is { IsAlive: true };

    /// <summary>Registers libvirt's default event implementation and starts the loop thread, once per process.</summary>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 is not installed.</exception>
    /// <exception cref="LibvirtEventLoopException"><c>virEventRegisterDefaultImpl</c> failed.</exception>
    internal static void EnsureStarted()
    {
        if (thread is not null)
        {
            return;
        }

        lock (StartLock)
        {
            if (thread is not null)
            {
                return;
            }

            Libvirt.EnsureInitialized();
            if (Libvirt.virEventRegisterDefaultImpl() < 0)
            {
                var info = LibvirtError.TakeLast();
                throw new LibvirtEventLoopException(
                    $"virEventRegisterDefaultImpl failed: {info?.Message ?? "no libvirt error reported"}. Domain events cannot be delivered.");
            }

            var loop = new Thread(Run) { IsBackground = true, Name = "libvirt event loop" };
            loop.Start();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
            thread = loop;
        }
    }

    /// <summary>Asks the loop to end and wakes it with a zero-delay one-shot timer.</summary>
    private static void Stop()
    {
        stopping = true;
        _ = Libvirt.virEventAddTimeout(0, &OnWakeTimer, 0, null);
    }

    private static void Run()
    {
        while (!stopping)
        {
            if (Libvirt.virEventRunDefaultImpl() < 0)
            {
                // A failed iteration (poll error) is reported in the thread's libvirt error; drop it and go on,
                // the loop must not die while subscriptions depend on it.
                LibvirtError.TakeLast();
            }
        }
    }

    /// <summary>The wake-up timer: removes itself (one-shot); its only purpose is to make poll(2) return.</summary>
    [UnmanagedCallersOnly]
    private static void OnWakeTimer(int timer, nint opaque) => _ = Libvirt.virEventRemoveTimeout(timer);
}
