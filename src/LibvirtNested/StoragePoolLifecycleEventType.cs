namespace LibvirtNested;

/// <summary>What happened to a storage pool (<c>virStoragePoolEventLifecycleType</c>). Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum StoragePoolLifecycleEventType
{
    /// <summary><c>VIR_STORAGE_POOL_EVENT_DEFINED</c>: the pool's persistent configuration was added or changed.</summary>
    Defined = 0,

    /// <summary><c>VIR_STORAGE_POOL_EVENT_UNDEFINED</c>: the persistent configuration was removed.</summary>
    Undefined = 1,

    /// <summary><c>VIR_STORAGE_POOL_EVENT_STARTED</c>: the pool started.</summary>
    Started = 2,

    /// <summary><c>VIR_STORAGE_POOL_EVENT_STOPPED</c>: the pool stopped.</summary>
    Stopped = 3,

    /// <summary><c>VIR_STORAGE_POOL_EVENT_CREATED</c>: the pool's underlying storage was built (<c>virStoragePoolBuild</c>).</summary>
    Created = 4,

    /// <summary><c>VIR_STORAGE_POOL_EVENT_DELETED</c>: the pool's underlying storage was deleted (<c>virStoragePoolDelete</c>).</summary>
    Deleted = 5,
}
