using System.Runtime.InteropServices;
using LibvirtNested.Interop;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// <c>virDomainSuspend</c> and <c>virDomainResume</c>, which the library does not wrap yet: on
/// <c>test:///default</c> they are the cheapest calls that emit a lifecycle event each (Suspended, Resumed), about
/// 6 µs against about 55 µs for start/destroy, so the event path rather than the driver dominates the figures.
/// </summary>
internal static partial class DomainPause
{
    private const string LibraryName = "libvirt.so.0";

    public static void Suspend(LibvirtDomain domain)
    {
        if (virDomainSuspend(domain.Handle) < 0)
        {
            throw new InvalidOperationException($"virDomainSuspend failed on {domain.Name}.");
        }
    }

    public static void Resume(LibvirtDomain domain)
    {
        if (virDomainResume(domain.Handle) < 0)
        {
            throw new InvalidOperationException($"virDomainResume failed on {domain.Name}.");
        }
    }

    [LibraryImport(LibraryName)]
    private static partial int virDomainSuspend(DomainHandle domain);

    [LibraryImport(LibraryName)]
    private static partial int virDomainResume(DomainHandle domain);
}
