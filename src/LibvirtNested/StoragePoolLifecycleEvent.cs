namespace LibvirtNested;

/// <summary>
/// A storage pool was defined, undefined, started, stopped, built or deleted (<c>VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE</c>,
/// <c>virConnectStoragePoolEventLifecycleCallback</c>).
/// </summary>
public sealed record StoragePoolLifecycleEvent : StoragePoolEvent
{
    /// <summary>What happened (<c>virStoragePoolEventLifecycleType</c>).</summary>
    public required StoragePoolLifecycleEventType Type { get; init; }
}
