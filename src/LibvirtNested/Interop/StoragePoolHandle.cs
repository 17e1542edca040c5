using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>A libvirt <c>virStoragePoolPtr, released with virStoragePoolFree</c>.</summary>
internal sealed class StoragePoolHandle : SafeHandle
{
    /// <summary>Called by the marshaller for a returned pointer.</summary>
    public StoragePoolHandle()
        : base(0, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>Takes ownership of a reference libvirt returned inside an array (list calls).</summary>
    internal static StoragePoolHandle Own(nint reference)
    {
        var owned = new StoragePoolHandle();
        owned.SetHandle(reference);
        return owned;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Libvirt.virStoragePoolFree(handle) >= 0;
}
