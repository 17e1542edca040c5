namespace LibvirtNested.Interop;

/// <summary>
/// One kind of libvirt event registration: the family's <c>virConnect…EventRegisterAny</c>, the event ID and the
/// <see cref="EventCallbacks"/> entry point whose signature matches that ID. Everything else (hubs, subscriptions,
/// buffering, the loop) is the same for every kind, so adding an event is one line here and one callback.
/// </summary>
internal sealed unsafe class EventSource
{
    /// <summary><c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>.</summary>
    internal static readonly EventSource DomainLifecycle = new(EventFamily.Domain, Libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, "VIR_DOMAIN_EVENT_ID_LIFECYCLE", EventCallbacks.DomainLifecycle);

    /// <summary><c>VIR_DOMAIN_EVENT_ID_REBOOT</c>.</summary>
    internal static readonly EventSource DomainReboot = new(EventFamily.Domain, Libvirt.VIR_DOMAIN_EVENT_ID_REBOOT, "VIR_DOMAIN_EVENT_ID_REBOOT", EventCallbacks.DomainReboot);

    /// <summary><c>VIR_DOMAIN_EVENT_ID_DEVICE_ADDED</c>.</summary>
    internal static readonly EventSource DomainDeviceAdded = new(EventFamily.Domain, Libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, "VIR_DOMAIN_EVENT_ID_DEVICE_ADDED", EventCallbacks.DomainDeviceAdded);

    /// <summary><c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED</c>.</summary>
    internal static readonly EventSource DomainDeviceRemoved = new(EventFamily.Domain, Libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, "VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED", EventCallbacks.DomainDeviceRemoved);

    /// <summary><c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED</c>.</summary>
    internal static readonly EventSource DomainDeviceRemovalFailed = new(EventFamily.Domain, Libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED, "VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED", EventCallbacks.DomainDeviceRemovalFailed);

    /// <summary><c>VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE</c>.</summary>
    internal static readonly EventSource DomainAgentLifecycle = new(EventFamily.Domain, Libvirt.VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE, "VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE", EventCallbacks.DomainAgentLifecycle);

    /// <summary><c>VIR_DOMAIN_EVENT_ID_METADATA_CHANGE</c>.</summary>
    internal static readonly EventSource DomainMetadataChange = new(EventFamily.Domain, Libvirt.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, "VIR_DOMAIN_EVENT_ID_METADATA_CHANGE", EventCallbacks.DomainMetadataChange);

    /// <summary><c>VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2</c>.</summary>
    internal static readonly EventSource DomainBlockJob = new(EventFamily.Domain, Libvirt.VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, "VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2", EventCallbacks.DomainBlockJob);

    /// <summary><c>VIR_NETWORK_EVENT_ID_LIFECYCLE</c>.</summary>
    internal static readonly EventSource NetworkLifecycle = new(EventFamily.Network, Libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, "VIR_NETWORK_EVENT_ID_LIFECYCLE", EventCallbacks.NetworkLifecycle);

    /// <summary><c>VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE</c>.</summary>
    internal static readonly EventSource StoragePoolLifecycle = new(EventFamily.StoragePool, Libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, "VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE", EventCallbacks.StoragePoolLifecycle);

    private static readonly (DomainEventKinds Kind, EventSource Source)[] DomainKinds =
    [
        (DomainEventKinds.Lifecycle, DomainLifecycle),
        (DomainEventKinds.Reboot, DomainReboot),
        (DomainEventKinds.DeviceAdded, DomainDeviceAdded),
        (DomainEventKinds.DeviceRemoved, DomainDeviceRemoved),
        (DomainEventKinds.DeviceRemovalFailed, DomainDeviceRemovalFailed),
        (DomainEventKinds.AgentLifecycle, DomainAgentLifecycle),
        (DomainEventKinds.MetadataChange, DomainMetadataChange),
        (DomainEventKinds.BlockJob, DomainBlockJob),
    ];

    private EventSource(EventFamily family, int eventId, string name, void* callback)
    {
        Family = family;
        EventId = eventId;
        Name = name;
        Callback = callback;
    }

    /// <summary>The registration function's family.</summary>
    internal EventFamily Family { get; }

    /// <summary>The <c>…_EVENT_ID_…</c> value.</summary>
    internal int EventId { get; }

    /// <summary>The C name of the event ID (messages, tests).</summary>
    internal string Name { get; }

    /// <summary>The <see cref="EventCallbacks"/> entry point, typed as libvirt's generic callback.</summary>
    internal void* Callback { get; }

    /// <summary>The C registration function, for error messages.</summary>
    internal string RegisterFunction => Family switch
    {
        EventFamily.Domain => nameof(Libvirt.virConnectDomainEventRegisterAny),
        EventFamily.Network => nameof(Libvirt.virConnectNetworkEventRegisterAny),
        _ => nameof(Libvirt.virConnectStoragePoolEventRegisterAny),
    };

    /// <summary>The domain sources of <paramref name="kinds"/>, in <see cref="DomainEventKinds"/> order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kinds"/> is <see cref="DomainEventKinds.None"/> or has an unknown bit.</exception>
    internal static IReadOnlyList<EventSource> ForDomainKinds(DomainEventKinds kinds)
    {
        if (kinds == DomainEventKinds.None || (kinds & ~DomainEventKinds.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kinds), kinds, "Name at least one domain event kind, and only known ones.");
        }

        return [.. DomainKinds.Where(k => kinds.HasFlag(k.Kind)).Select(k => k.Source)];
    }

    /// <summary>Registers <see cref="Callback"/> for every object of the family; returns the callback ID, or -1 with libvirt's error set.</summary>
    internal int Register(ConnectHandle connection, nint opaque, delegate* unmanaged<nint, void> free) => Family switch
    {
        EventFamily.Domain => Libvirt.virConnectDomainEventRegisterAny(connection, 0, EventId, Callback, opaque, free),
        EventFamily.Network => Libvirt.virConnectNetworkEventRegisterAny(connection, 0, EventId, Callback, opaque, free),
        _ => Libvirt.virConnectStoragePoolEventRegisterAny(connection, 0, EventId, Callback, opaque, free),
    };

    /// <summary>Removes a registration; libvirt calls its free callback once no dispatch can use the opaque any more.</summary>
    internal int Deregister(nint connection, int callbackId) => Family switch
    {
        EventFamily.Domain => Libvirt.virConnectDomainEventDeregisterAny(connection, callbackId),
        EventFamily.Network => Libvirt.virConnectNetworkEventDeregisterAny(connection, callbackId),
        _ => Libvirt.virConnectStoragePoolEventDeregisterAny(connection, callbackId),
    };

    /// <inheritdoc/>
    public override string ToString() => Name;
}
