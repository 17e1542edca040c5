namespace LibvirtNested;

/// <summary>
/// An event about one storage pool, registered with <c>virConnectStoragePoolEventRegisterAny</c>; libvirt lends the
/// callback a <c>virStoragePoolPtr</c>, whose name and UUID are copied here.
/// </summary>
public abstract record StoragePoolEvent : LibvirtEvent
{
    /// <summary>The pool's name (<c>virStoragePoolGetName</c>).</summary>
    public required string PoolName { get; init; }

    /// <summary>The pool's UUID, canonical text form (<c>virStoragePoolGetUUIDString</c>).</summary>
    public required string PoolUuid { get; init; }
}
