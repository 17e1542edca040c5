using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Waits;

/// <summary>Leak checks shared by the wait tests: every wait disposes its watcher and libvirt frees the registration.</summary>
internal static class WaitAssert
{
    /// <summary>Generous bound for libvirt's free callback, which may run on the event loop thread after deregistering.</summary>
    public const int FreedWithinMilliseconds = 30_000;

    public static (int Watchers, int Registrations) Snapshot() => (DomainEventWatcher.Live, EventHub.Live);

    public static void NothingLeaked((int Watchers, int Registrations) before)
    {
        Assert.That(DomainEventWatcher.Live, Is.EqualTo(before.Watchers), "every watcher was disposed");
        Assert.That(() => EventHub.Live, Is.EqualTo(before.Registrations).After(FreedWithinMilliseconds, 20), "libvirt released every registration");
    }
}
