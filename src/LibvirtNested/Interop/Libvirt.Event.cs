using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <content>libvirt-event.h and the domain event registration of libvirt-domain.h.</content>
internal static unsafe partial class Libvirt
{
    /// <summary><c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>: the callback is a <c>virConnectDomainEventCallback</c>.</summary>
    internal const int VIR_DOMAIN_EVENT_ID_LIFECYCLE = 0;

    [LibraryImport(LibraryName)]
    internal static partial int virEventRegisterDefaultImpl();

    [LibraryImport(LibraryName)]
    internal static partial int virEventRunDefaultImpl();

    /// <summary>
    /// <c>int virEventAddTimeout(int frequency, virEventTimeoutCallback cb, void *opaque, virFreeCallback ff)</c>;
    /// <paramref name="callback"/> is <c>void (*)(int timer, void *opaque)</c>, <paramref name="free"/> may be NULL.
    /// </summary>
    [LibraryImport(LibraryName)]
    internal static partial int virEventAddTimeout(int frequency, delegate* unmanaged<int, nint, void> callback, nint opaque, delegate* unmanaged<nint, void> free);

    [LibraryImport(LibraryName)]
    internal static partial int virEventRemoveTimeout(int timer);

    /// <summary>
    /// <c>int virConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom, int eventID,
    /// virConnectDomainEventGenericCallback cb, void *opaque, virFreeCallback freecb)</c>: the callback's real
    /// signature depends on <paramref name="eventId"/>, so it is passed as an untyped function pointer.
    /// </summary>
    [LibraryImport(LibraryName)]
    internal static partial int virConnectDomainEventRegisterAny(ConnectHandle conn, nint dom, int eventId, void* callback, nint opaque, delegate* unmanaged<nint, void> free);

    /// <summary>Takes the raw pointer: a subscription holds its own reference on the handle, which stays valid after the connection object was disposed.</summary>
    [LibraryImport(LibraryName)]
    internal static partial int virConnectDomainEventDeregisterAny(nint conn, int callbackId);

    /// <summary><c>virDomainGetName</c> on a domain pointer libvirt lends to an event callback (not owned, not freed).</summary>
    [LibraryImport(LibraryName, EntryPoint = "virDomainGetName")]
    internal static partial nint virDomainGetNameBorrowed(nint domain);

    /// <summary><c>virDomainGetUUIDString</c> on a domain pointer libvirt lends to an event callback.</summary>
    [LibraryImport(LibraryName, EntryPoint = "virDomainGetUUIDString")]
    internal static partial int virDomainGetUUIDStringBorrowed(nint domain, byte* buf);
}
