using System.Xml.Linq;
using LibvirtNested.Interop;
using LibvirtNested.Xml.Storage;

namespace LibvirtNested;

/// <content>Storage pools.</content>
public sealed partial class LibvirtConnection
{
    /// <summary>Defines a persistent storage pool (<c>virStoragePoolDefineXML</c>, <c>virsh pool-define</c>); it is neither built nor started.</summary>
    /// <param name="pool">The <c>&lt;pool&gt;</c> definition.</param>
    /// <returns>The pool.</returns>
    /// <exception cref="LibvirtInvalidXmlException">libvirt cannot parse the definition.</exception>
    /// <exception cref="LibvirtAlreadyExistsException">Another pool has the name, UUID or target.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public LibvirtStoragePool DefineStoragePool(StoragePoolXml pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return DefineStoragePool(pool.ToXmlString());
    }

    /// <summary>Defines a persistent storage pool from XML text (<c>virStoragePoolDefineXML</c>).</summary>
    /// <param name="xml">The <c>&lt;pool&gt;</c> definition.</param>
    /// <returns>The pool.</returns>
    /// <exception cref="LibvirtException">libvirt refused; see <see cref="DefineStoragePool(StoragePoolXml)"/>.</exception>
    public LibvirtStoragePool DefineStoragePool(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return new(this, LibvirtCall.Begin(nameof(Libvirt.virStoragePoolDefineXML)).Check(Libvirt.virStoragePoolDefineXML(Handle, xml, LibvirtFlags.None)));
    }

    /// <summary>Defines a directory pool, like <c>virsh pool-define-as NAME dir --target PATH</c>.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="path">The directory holding the images.</param>
    /// <returns>The pool; call <see cref="LibvirtStoragePool.Build"/> and <see cref="LibvirtStoragePool.Start"/> next.</returns>
    /// <exception cref="LibvirtException">libvirt refused.</exception>
    public LibvirtStoragePool DefineDirectoryPool(string name, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var xml = new XElement(
            "pool",
            new XAttribute("type", "dir"),
            new XElement("name", name),
            new XElement("target", new XElement("path", path)));
        return DefineStoragePool(xml.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>Looks up a storage pool by name (<c>virStoragePoolLookupByName</c>).</summary>
    /// <param name="name">The pool name.</param>
    /// <returns>The pool.</returns>
    /// <exception cref="LibvirtNotFoundException">No pool has that name.</exception>
    public LibvirtStoragePool GetStoragePool(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(this, LibvirtCall.Begin(nameof(Libvirt.virStoragePoolLookupByName)).Check(Libvirt.virStoragePoolLookupByName(Handle, name)));
    }

    /// <summary>Looks up a storage pool by name, returning false instead of throwing when there is none.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="pool">The pool, when found.</param>
    /// <returns>Whether the pool exists.</returns>
    /// <exception cref="LibvirtException">libvirt failed for another reason.</exception>
    public bool TryGetStoragePool(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LibvirtStoragePool? pool)
    {
        try
        {
            pool = GetStoragePool(name);
            return true;
        }
        catch (LibvirtNotFoundException)
        {
            pool = null;
            return false;
        }
    }

    /// <summary>Lists storage pools (<c>virConnectListAllStoragePools</c>). Dispose the returned objects.</summary>
    /// <param name="filter">All, active or inactive pools.</param>
    /// <returns>The pools.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public IReadOnlyList<LibvirtStoragePool> ListStoragePools(LibvirtListFilter filter = LibvirtListFilter.All)
    {
        return Array.ConvertAll(LibvirtProxy.ListAllStoragePools(Handle, LibvirtFlags.ListStoragePools(filter)), handle => new LibvirtStoragePool(this, handle));
    }
}
