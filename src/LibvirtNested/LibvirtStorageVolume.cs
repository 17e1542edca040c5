using LibvirtNested.Interop;
using LibvirtNested.Xml.Storage;

namespace LibvirtNested;

/// <summary>A storage volume (<c>virStorageVolPtr</c>), e.g. a guest's image file. Dispose it to release libvirt's reference.</summary>
public sealed class LibvirtStorageVolume : LibvirtObject
{
    internal LibvirtStorageVolume(StorageVolumeHandle handle)
        : base(handle)
    {
    }

    /// <summary>The volume's name (<c>virStorageVolGetName</c>).</summary>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public override string Name
    {
        get => LibvirtCall.Begin(nameof(Libvirt.virStorageVolGetName)).CheckString(Libvirt.virStorageVolGetName(Handle));
    }

    /// <summary>The volume's path on the host, for a disk's <c>&lt;source file&gt;</c> (<c>virStorageVolGetPath</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string Path => LibvirtCall.Begin(nameof(Libvirt.virStorageVolGetPath)).CheckString(Libvirt.virStorageVolGetPath(Handle));

    /// <inheritdoc/>
    private protected override string Kind => "volume";

    private StorageVolumeHandle Handle => GuardedHandle<StorageVolumeHandle>();

    /// <summary>The volume's XML (<c>virStorageVolGetXMLDesc</c>).</summary>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public StorageVolumeXml GetXml() =>
        StorageVolumeXml.Parse(LibvirtCall.Begin(nameof(Libvirt.virStorageVolGetXMLDesc)).CheckString(Libvirt.virStorageVolGetXMLDesc(Handle, LibvirtFlags.None)));

    /// <summary>Deletes the volume and its data (<c>virStorageVolDelete</c>, <c>virsh vol-delete</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Delete() => LibvirtCall.Begin(nameof(Libvirt.virStorageVolDelete)).Check(Libvirt.virStorageVolDelete(Handle, LibvirtFlags.None));
}
