using LibvirtNested.Interop;
using LibvirtNested.Xml.Storage;

namespace LibvirtNested;

/// <summary>A storage volume (<c>virStorageVolPtr</c>), e.g. a guest's image file. Dispose it to release libvirt's reference.</summary>
public sealed class LibvirtStorageVolume : IDisposable
{
    private readonly StorageVolumeHandle handle;

    internal LibvirtStorageVolume(StorageVolumeHandle handle)
    {
        this.handle = handle;
    }

    /// <summary>The volume's name (<c>virStorageVolGetName</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string Name
    {
        get => LibvirtError.CheckString(Libvirt.virStorageVolGetName(Handle), nameof(Libvirt.virStorageVolGetName));
    }

    /// <summary>The volume's path on the host, for a disk's <c>&lt;source file&gt;</c> (<c>virStorageVolGetPath</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string Path => LibvirtError.CheckString(Libvirt.virStorageVolGetPath(Handle), nameof(Libvirt.virStorageVolGetPath));

    private StorageVolumeHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle.IsClosed, this);
            return handle;
        }
    }

    /// <summary>The volume's XML (<c>virStorageVolGetXMLDesc</c>).</summary>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public StorageVolumeXml GetXml() =>
        StorageVolumeXml.Parse(LibvirtError.CheckString(Libvirt.virStorageVolGetXMLDesc(Handle, 0), nameof(Libvirt.virStorageVolGetXMLDesc)));

    /// <summary>Deletes the volume and its data (<c>virStorageVolDelete</c>, <c>virsh vol-delete</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Delete() => LibvirtError.Check(Libvirt.virStorageVolDelete(Handle, Libvirt.VIR_STORAGE_VOL_DELETE_NORMAL), nameof(Libvirt.virStorageVolDelete));

    /// <summary>Releases this reference (<c>virStorageVolFree</c>); the volume is not affected.</summary>
    public void Dispose() => handle.Dispose();

    /// <summary>The volume's name.</summary>
    /// <returns>The name, or a placeholder after disposal.</returns>
    public override string ToString() => handle.IsClosed ? "(disposed volume)" : Name;
}
