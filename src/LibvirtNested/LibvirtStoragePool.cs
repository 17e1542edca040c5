using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Interop;
using LibvirtNested.Xml.Storage;

namespace LibvirtNested;

/// <summary>A storage pool (<c>virStoragePoolPtr</c>), e.g. a directory holding guest images. Dispose it to release libvirt's reference.</summary>
public sealed class LibvirtStoragePool : LibvirtObject
{
    internal LibvirtStoragePool(LibvirtConnection connection, StoragePoolHandle handle)
        : base(handle)
    {
        Connection = connection;
    }

    /// <summary>The connection this pool was obtained from.</summary>
    public LibvirtConnection Connection { get; }

    /// <summary>The pool's name (<c>virStoragePoolGetName</c>).</summary>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public override string Name
    {
        get => LibvirtCall.Begin(nameof(Libvirt.virStoragePoolGetName)).CheckString(Libvirt.virStoragePoolGetName(Handle));
    }

    /// <summary>Whether the pool is started (<c>virStoragePoolIsActive</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public bool IsActive => LibvirtCall.Begin(nameof(Libvirt.virStoragePoolIsActive)).Check(Libvirt.virStoragePoolIsActive(Handle)) == 1;

    /// <inheritdoc/>
    private protected override string Kind => "pool";

    internal StoragePoolHandle Handle => GuardedHandle<StoragePoolHandle>();

    /// <summary>The pool's persistent definition (<c>virStoragePoolGetXMLDesc</c> with <c>VIR_STORAGE_XML_INACTIVE</c>, <c>virsh pool-dumpxml --inactive</c>).</summary>
    /// <returns>The document.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public StoragePoolXml GetInactiveXml() => GetXml(inactive: true);

    /// <summary>The running pool's state (<c>virStoragePoolGetXMLDesc</c>, <c>virsh pool-dumpxml</c>): capacity, allocation; for an inactive pool, its definition.</summary>
    /// <returns>The document.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public StoragePoolXml GetLiveXml() => GetXml(inactive: false);

    /// <summary>Builds the pool's backing storage, e.g. creates a directory pool's folder (<c>virStoragePoolBuild</c>, <c>virsh pool-build</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Build() => LibvirtCall.Begin(nameof(Libvirt.virStoragePoolBuild)).Check(Libvirt.virStoragePoolBuild(Handle, LibvirtFlags.None));

    /// <summary>Starts the pool (<c>virStoragePoolCreate</c>, <c>virsh pool-start</c>).</summary>
    /// <exception cref="LibvirtOperationInvalidException">The pool is already active.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Start() => LibvirtCall.Begin(nameof(Libvirt.virStoragePoolCreate)).Check(Libvirt.virStoragePoolCreate(Handle, LibvirtFlags.None));

    /// <summary>Stops the pool (<c>virStoragePoolDestroy</c>); volumes stay on disk.</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Destroy() => LibvirtCall.Begin(nameof(Libvirt.virStoragePoolDestroy)).Check(Libvirt.virStoragePoolDestroy(Handle));

    /// <summary>Removes the pool's persistent definition (<c>virStoragePoolUndefine</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Undefine() => LibvirtCall.Begin(nameof(Libvirt.virStoragePoolUndefine)).Check(Libvirt.virStoragePoolUndefine(Handle));

    /// <summary>Sets whether the pool starts with the daemon (<c>virStoragePoolSetAutostart</c>).</summary>
    /// <param name="autostart">Start with the daemon.</param>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void SetAutostart(bool autostart) =>
        LibvirtCall.Begin(nameof(Libvirt.virStoragePoolSetAutostart)).Check(Libvirt.virStoragePoolSetAutostart(Handle, autostart ? 1 : 0));

    /// <summary>Rescans the pool's volumes (<c>virStoragePoolRefresh</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Refresh() => LibvirtCall.Begin(nameof(Libvirt.virStoragePoolRefresh)).Check(Libvirt.virStoragePoolRefresh(Handle, LibvirtFlags.None));

    /// <summary>Creates a volume from its XML (<c>virStorageVolCreateXML</c>, <c>virsh vol-create</c>).</summary>
    /// <param name="volume">The <c>&lt;volume&gt;</c> definition.</param>
    /// <returns>The new volume.</returns>
    /// <exception cref="LibvirtAlreadyExistsException">A volume of that name exists.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public LibvirtStorageVolume CreateVolume(StorageVolumeXml volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return CreateVolume(volume.ToXmlString());
    }

    /// <summary>Creates a volume from XML text (<c>virStorageVolCreateXML</c>).</summary>
    /// <param name="xml">The <c>&lt;volume&gt;</c> definition.</param>
    /// <returns>The new volume.</returns>
    /// <exception cref="LibvirtException">libvirt failed; see <see cref="CreateVolume(StorageVolumeXml)"/>.</exception>
    public LibvirtStorageVolume CreateVolume(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return new(LibvirtCall.Begin(nameof(Libvirt.virStorageVolCreateXML)).Check(Libvirt.virStorageVolCreateXML(Handle, xml, LibvirtFlags.None)));
    }

    /// <summary>Creates an image-file volume, like <c>virsh vol-create-as POOL NAME CAPACITY --format FORMAT</c>.</summary>
    /// <param name="name">The volume (file) name, e.g. <c>l2.qcow2</c>.</param>
    /// <param name="capacityBytes">The virtual size in bytes.</param>
    /// <param name="format">The image format, <c>qcow2</c> (default) or <c>raw</c>.</param>
    /// <returns>The new volume; its <see cref="LibvirtStorageVolume.Path"/> goes into a disk's <c>&lt;source file&gt;</c>.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public LibvirtStorageVolume CreateVolume(string name, long capacityBytes, string format = "qcow2")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        ArgumentException.ThrowIfNullOrEmpty(format);
        var xml = new XElement(
            "volume",
            new XElement("name", name),
            new XElement("capacity", new XAttribute("unit", "bytes"), capacityBytes.ToString(CultureInfo.InvariantCulture)),
            new XElement("target", new XElement("format", new XAttribute("type", format))));
        return CreateVolume(xml.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>Looks up a volume of this pool by name (<c>virStorageVolLookupByName</c>).</summary>
    /// <param name="name">The volume name.</param>
    /// <returns>The volume.</returns>
    /// <exception cref="LibvirtNotFoundException">No such volume.</exception>
    public LibvirtStorageVolume GetVolume(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(LibvirtCall.Begin(nameof(Libvirt.virStorageVolLookupByName)).Check(Libvirt.virStorageVolLookupByName(Handle, name)));
    }

    /// <summary>Looks up a volume by name, returning false instead of throwing when there is none.</summary>
    /// <param name="name">The volume name.</param>
    /// <param name="volume">The volume, when found.</param>
    /// <returns>Whether the volume exists.</returns>
    /// <exception cref="LibvirtException">libvirt failed for another reason.</exception>
    public bool TryGetVolume(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LibvirtStorageVolume? volume)
    {
        try
        {
            volume = GetVolume(name);
            return true;
        }
        catch (LibvirtNotFoundException)
        {
            volume = null;
            return false;
        }
    }

    private StoragePoolXml GetXml(bool inactive) =>
        StoragePoolXml.Parse(LibvirtCall.Begin(nameof(Libvirt.virStoragePoolGetXMLDesc)).CheckString(
            Libvirt.virStoragePoolGetXMLDesc(Handle, LibvirtFlags.StoragePoolXml(inactive))));
}
