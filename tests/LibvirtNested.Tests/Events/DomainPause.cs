using System.Runtime.InteropServices;
using LibvirtNested.Interop;

namespace LibvirtNested.Tests.Events;

/// <summary>
/// <c>virDomainSuspend</c> and <c>virDomainResume</c>, which the library does not wrap yet, on a domain's own
/// handle: the event tests need the Suspended and Resumed lifecycle events.
/// </summary>
internal static partial class DomainPause
{
    public static void Suspend(LibvirtDomain domain) => Check(virDomainSuspend(domain.Handle), nameof(virDomainSuspend));

    public static void Resume(LibvirtDomain domain) => Check(virDomainResume(domain.Handle), nameof(virDomainResume));

    private static void Check(int result, string function)
    {
        if (result < 0)
        {
            throw LibvirtError.Create(function);
        }
    }

    [LibraryImport(Libvirt.LibraryName)]
    private static partial int virDomainSuspend(DomainHandle domain);

    [LibraryImport(Libvirt.LibraryName)]
    private static partial int virDomainResume(DomainHandle domain);
}
