using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>
/// The native entry points libvirt calls on the event loop thread, one per event signature. Each turns libvirt's
/// arguments into an immutable event record, built once and shared by every subscriber of the registration, and
/// hands it to the <see cref="EventHub"/> whose <see cref="GCHandle"/> is the opaque.
/// </summary>
/// <remarks>
/// No exception may leave an entry point: it would unwind through libvirt's C frames and tear down the process.
/// Each body therefore catches everything and drops it (the library writes nothing to stderr); subscribers are
/// never run here, only their buffers written, so a failure here is a library defect, not a user's exception.
/// Object pointers (<c>virDomainPtr</c>, …) and strings are lent for the duration of the call: read, never freed.
/// </remarks>
#pragma warning disable CA1031 // See remarks: catching everything is the point of a native entry point.
internal static unsafe class EventCallbacks
{
    /// <summary><c>virConnectDomainEventCallback</c> (lifecycle).</summary>
    internal static void* DomainLifecycle => (delegate* unmanaged<nint, nint, int, int, nint, int>)&OnDomainLifecycle;

    /// <summary><c>virConnectDomainEventGenericCallback</c> (reboot).</summary>
    internal static void* DomainReboot => (delegate* unmanaged<nint, nint, nint, void>)&OnDomainReboot;

    /// <summary><c>virConnectDomainEventDeviceAddedCallback</c>.</summary>
    internal static void* DomainDeviceAdded => (delegate* unmanaged<nint, nint, byte*, nint, void>)&OnDomainDeviceAdded;

    /// <summary><c>virConnectDomainEventDeviceRemovedCallback</c>.</summary>
    internal static void* DomainDeviceRemoved => (delegate* unmanaged<nint, nint, byte*, nint, void>)&OnDomainDeviceRemoved;

    /// <summary><c>virConnectDomainEventDeviceRemovalFailedCallback</c>.</summary>
    internal static void* DomainDeviceRemovalFailed => (delegate* unmanaged<nint, nint, byte*, nint, void>)&OnDomainDeviceRemovalFailed;

    /// <summary><c>virConnectDomainEventAgentLifecycleCallback</c>.</summary>
    internal static void* DomainAgentLifecycle => (delegate* unmanaged<nint, nint, int, int, nint, void>)&OnDomainAgentLifecycle;

    /// <summary><c>virConnectDomainEventMetadataChangeCallback</c>.</summary>
    internal static void* DomainMetadataChange => (delegate* unmanaged<nint, nint, int, byte*, nint, void>)&OnDomainMetadataChange;

    /// <summary><c>virConnectDomainEventBlockJobCallback</c> (as registered for <c>BLOCK_JOB_2</c>).</summary>
    internal static void* DomainBlockJob => (delegate* unmanaged<nint, nint, byte*, int, int, nint, void>)&OnDomainBlockJob;

    /// <summary><c>virConnectNetworkEventLifecycleCallback</c>.</summary>
    internal static void* NetworkLifecycle => (delegate* unmanaged<nint, nint, int, int, nint, void>)&OnNetworkLifecycle;

    /// <summary><c>virConnectStoragePoolEventLifecycleCallback</c>.</summary>
    internal static void* StoragePoolLifecycle => (delegate* unmanaged<nint, nint, int, int, nint, void>)&OnStoragePoolLifecycle;

    [UnmanagedCallersOnly]
    private static int OnDomainLifecycle(nint conn, nint dom, int type, int detail, nint opaque)
    {
        PublishDomain(dom, opaque, (type, detail), static (name, uuid, a) =>
            new DomainLifecycleEvent { DomainName = name, DomainUuid = uuid, Type = (DomainLifecycleEventType)a.type, Detail = a.detail, Timestamp = DateTimeOffset.UtcNow });
        return 0;
    }

    [UnmanagedCallersOnly]
    private static void OnDomainReboot(nint conn, nint dom, nint opaque) =>
        PublishDomain(dom, opaque, 0, static (name, uuid, _) => new DomainRebootEvent { DomainName = name, DomainUuid = uuid, Timestamp = DateTimeOffset.UtcNow });

    [UnmanagedCallersOnly]
    private static void OnDomainDeviceAdded(nint conn, nint dom, byte* alias, nint opaque) =>
        PublishDomain(dom, opaque, (nint)alias, static (name, uuid, alias) =>
            new DomainDeviceAddedEvent { DomainName = name, DomainUuid = uuid, DeviceAlias = Text((byte*)alias), Timestamp = DateTimeOffset.UtcNow });

    [UnmanagedCallersOnly]
    private static void OnDomainDeviceRemoved(nint conn, nint dom, byte* alias, nint opaque) =>
        PublishDomain(dom, opaque, (nint)alias, static (name, uuid, alias) =>
            new DomainDeviceRemovedEvent { DomainName = name, DomainUuid = uuid, DeviceAlias = Text((byte*)alias), Timestamp = DateTimeOffset.UtcNow });

    [UnmanagedCallersOnly]
    private static void OnDomainDeviceRemovalFailed(nint conn, nint dom, byte* alias, nint opaque) =>
        PublishDomain(dom, opaque, (nint)alias, static (name, uuid, alias) =>
            new DomainDeviceRemovalFailedEvent { DomainName = name, DomainUuid = uuid, DeviceAlias = Text((byte*)alias), Timestamp = DateTimeOffset.UtcNow });

    [UnmanagedCallersOnly]
    private static void OnDomainAgentLifecycle(nint conn, nint dom, int state, int reason, nint opaque) =>
        PublishDomain(dom, opaque, (state, reason), static (name, uuid, a) => new DomainAgentLifecycleEvent
        {
            DomainName = name,
            DomainUuid = uuid,
            State = (DomainAgentState)a.state,
            Reason = (DomainAgentStateReason)a.reason,
            Timestamp = DateTimeOffset.UtcNow,
        });

    [UnmanagedCallersOnly]
    private static void OnDomainMetadataChange(nint conn, nint dom, int type, byte* nsuri, nint opaque) =>
        PublishDomain(dom, opaque, (type, nsuri: (nint)nsuri), static (name, uuid, a) => new DomainMetadataChangeEvent
        {
            DomainName = name,
            DomainUuid = uuid,
            Type = (DomainMetadataType)a.type,
            NamespaceUri = a.nsuri == 0 ? null : Text((byte*)a.nsuri),
            Timestamp = DateTimeOffset.UtcNow,
        });

    [UnmanagedCallersOnly]
    private static void OnDomainBlockJob(nint conn, nint dom, byte* disk, int type, int status, nint opaque) =>
        PublishDomain(dom, opaque, (disk: (nint)disk, type, status), static (name, uuid, a) => new DomainBlockJobEvent
        {
            DomainName = name,
            DomainUuid = uuid,
            Disk = Text((byte*)a.disk),
            Type = (DomainBlockJobType)a.type,
            Status = (DomainBlockJobStatus)a.status,
            Timestamp = DateTimeOffset.UtcNow,
        });

    [UnmanagedCallersOnly]
    private static void OnNetworkLifecycle(nint conn, nint network, int type, int detail, nint opaque)
    {
        try
        {
            if (EventHub.Listening(opaque) is { } hub)
            {
                var name = Text((byte*)Libvirt.virNetworkGetNameBorrowed(network));
                var uuid = Uuid(network, &Libvirt.virNetworkGetUUIDStringBorrowed);
                hub.Publish(new NetworkLifecycleEvent { NetworkName = name, NetworkUuid = uuid, Type = (NetworkLifecycleEventType)type, Timestamp = DateTimeOffset.UtcNow }, name);
            }
        }
        catch (Exception)
        {
        }
    }

    [UnmanagedCallersOnly]
    private static void OnStoragePoolLifecycle(nint conn, nint pool, int type, int detail, nint opaque)
    {
        try
        {
            if (EventHub.Listening(opaque) is { } hub)
            {
                var name = Text((byte*)Libvirt.virStoragePoolGetNameBorrowed(pool));
                var uuid = Uuid(pool, &Libvirt.virStoragePoolGetUUIDStringBorrowed);
                hub.Publish(new StoragePoolLifecycleEvent { PoolName = name, PoolUuid = uuid, Type = (StoragePoolLifecycleEventType)type, Timestamp = DateTimeOffset.UtcNow }, name);
            }
        }
        catch (Exception)
        {
        }
    }

    /// <summary>
    /// The body of every domain entry point: when anyone listens, reads the lent domain's name and UUID, builds the
    /// record with <paramref name="create"/> (a static lambda: nothing allocated for it; it runs inside the callback, so
    /// lent pointers in <paramref name="args"/> are still valid) and publishes it. Catches everything (see remarks).
    /// </summary>
    private static void PublishDomain<TArgs>(nint dom, nint opaque, TArgs args, Func<string, string, TArgs, DomainEvent> create)
    {
        try
        {
            if (EventHub.Listening(opaque) is { } hub)
            {
                var name = Text((byte*)Libvirt.virDomainGetNameBorrowed(dom));
                var uuid = Uuid(dom, &Libvirt.virDomainGetUUIDStringBorrowed);
                hub.Publish(create(name, uuid, args), name);
            }
        }
        catch (Exception)
        {
        }
    }

    /// <summary>A lent UTF-8 C string, copied; NULL (never expected for names and aliases) becomes empty rather than failing the event.</summary>
    private static string Text(byte* value) => value is null ? string.Empty : Marshal.PtrToStringUTF8((nint)value) ?? string.Empty;

    private static string Uuid(nint obj, delegate*<nint, byte*, int> getUuidString)
    {
        var buffer = stackalloc byte[Libvirt.VIR_UUID_STRING_BUFLEN];
        if (getUuidString(obj, buffer) < 0)
        {
            LibvirtError.TakeLast();
            return string.Empty;
        }

        return Text(buffer);
    }
}
#pragma warning restore CA1031
