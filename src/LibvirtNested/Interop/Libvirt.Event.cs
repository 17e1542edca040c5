using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <content>libvirt-event.h and the event registration functions of libvirt-domain.h, libvirt-network.h and libvirt-storage.h.</content>
internal static unsafe partial class Libvirt
{
    /// <summary><c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>: the callback is a <c>virConnectDomainEventCallback</c>.</summary>
    internal const int VIR_DOMAIN_EVENT_ID_LIFECYCLE = 0;

    /// <summary><c>VIR_DOMAIN_EVENT_ID_REBOOT</c>: <c>virConnectDomainEventGenericCallback</c>.</summary>
    internal const int VIR_DOMAIN_EVENT_ID_REBOOT = 1;

    /// <summary><c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED</c>: <c>virConnectDomainEventDeviceRemovedCallback</c>.</summary>
    internal const int VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED = 15;

    /// <summary><c>VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2</c>: <c>virConnectDomainEventBlockJobCallback</c>, disk given as its target (vda), not its path.</summary>
    internal const int VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2 = 16;

    /// <summary><c>VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE</c>: <c>virConnectDomainEventAgentLifecycleCallback</c>.</summary>
    internal const int VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE = 18;

    /// <summary><c>VIR_DOMAIN_EVENT_ID_DEVICE_ADDED</c>: <c>virConnectDomainEventDeviceAddedCallback</c>.</summary>
    internal const int VIR_DOMAIN_EVENT_ID_DEVICE_ADDED = 19;

    /// <summary><c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED</c>: <c>virConnectDomainEventDeviceRemovalFailedCallback</c>.</summary>
    internal const int VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED = 22;

    /// <summary><c>VIR_DOMAIN_EVENT_ID_METADATA_CHANGE</c>: <c>virConnectDomainEventMetadataChangeCallback</c>.</summary>
    internal const int VIR_DOMAIN_EVENT_ID_METADATA_CHANGE = 23;

    /// <summary><c>VIR_NETWORK_EVENT_ID_LIFECYCLE</c>: <c>virConnectNetworkEventLifecycleCallback</c>.</summary>
    internal const int VIR_NETWORK_EVENT_ID_LIFECYCLE = 0;

    /// <summary><c>VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE</c>: <c>virConnectStoragePoolEventLifecycleCallback</c>.</summary>
    internal const int VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE = 0;

    [LibraryImport(LibraryName)]
    internal static partial int virEventRegisterDefaultImpl();

    [LibraryImport(LibraryName)]
    internal static partial int virEventRunDefaultImpl();

    /// <summary>
    /// <c>int virEventAddTimeout(int frequency, virEventTimeoutCallback cb, void *opaque, virFreeCallback ff)</c>;
    /// <paramref name="callback"/> is <c>void (*)(int timer, void *opaque)</c>, <paramref name="free"/> may be NULL.
    /// Returns -1 without reporting an error when no event implementation is registered (virevent.c).
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

    /// <summary>Takes the raw pointer: a registration holds its own reference on the handle, which stays valid after the connection object was disposed.</summary>
    [LibraryImport(LibraryName)]
    internal static partial int virConnectDomainEventDeregisterAny(nint conn, int callbackId);

    /// <summary><c>virConnectNetworkEventRegisterAny</c>: like the domain one, for <c>virNetworkPtr</c> events.</summary>
    [LibraryImport(LibraryName)]
    internal static partial int virConnectNetworkEventRegisterAny(ConnectHandle conn, nint net, int eventId, void* callback, nint opaque, delegate* unmanaged<nint, void> free);

    [LibraryImport(LibraryName)]
    internal static partial int virConnectNetworkEventDeregisterAny(nint conn, int callbackId);

    /// <summary><c>virConnectStoragePoolEventRegisterAny</c>: like the domain one, for <c>virStoragePoolPtr</c> events.</summary>
    [LibraryImport(LibraryName)]
    internal static partial int virConnectStoragePoolEventRegisterAny(ConnectHandle conn, nint pool, int eventId, void* callback, nint opaque, delegate* unmanaged<nint, void> free);

    [LibraryImport(LibraryName)]
    internal static partial int virConnectStoragePoolEventDeregisterAny(nint conn, int callbackId);

    /// <summary><c>virDomainGetName</c> on a domain pointer libvirt lends to an event callback (not owned, not freed).</summary>
    [LibraryImport(LibraryName, EntryPoint = "virDomainGetName")]
    internal static partial nint virDomainGetNameBorrowed(nint domain);

    /// <summary><c>virDomainGetUUIDString</c> on a domain pointer libvirt lends to an event callback.</summary>
    [LibraryImport(LibraryName, EntryPoint = "virDomainGetUUIDString")]
    internal static partial int virDomainGetUUIDStringBorrowed(nint domain, byte* buf);

    /// <summary><c>virNetworkGetName</c> on a network pointer libvirt lends to an event callback.</summary>
    [LibraryImport(LibraryName, EntryPoint = "virNetworkGetName")]
    internal static partial nint virNetworkGetNameBorrowed(nint network);

    /// <summary><c>virNetworkGetUUIDString</c> on a network pointer libvirt lends to an event callback.</summary>
    [LibraryImport(LibraryName, EntryPoint = "virNetworkGetUUIDString")]
    internal static partial int virNetworkGetUUIDStringBorrowed(nint network, byte* buf);

    /// <summary><c>virStoragePoolGetName</c> on a pool pointer libvirt lends to an event callback.</summary>
    [LibraryImport(LibraryName, EntryPoint = "virStoragePoolGetName")]
    internal static partial nint virStoragePoolGetNameBorrowed(nint pool);

    /// <summary><c>virStoragePoolGetUUIDString</c> on a pool pointer libvirt lends to an event callback.</summary>
    [LibraryImport(LibraryName, EntryPoint = "virStoragePoolGetUUIDString")]
    internal static partial int virStoragePoolGetUUIDStringBorrowed(nint pool, byte* buf);
}
