using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>A libvirt <c>virStorageVolPtr, released with virStorageVolFree</c>.</summary>
internal sealed class StorageVolumeHandle : SafeHandle
{
    /// <summary>Called by the marshaller for a returned pointer.</summary>
    public StorageVolumeHandle()
        : base(0, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>Takes ownership of a reference libvirt returned inside an array (list calls).</summary>
    internal static StorageVolumeHandle Own(nint reference)
    {
        var owned = new StorageVolumeHandle();
        owned.SetHandle(reference);
        return owned;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Libvirt.virStorageVolFree(handle) >= 0;
}
