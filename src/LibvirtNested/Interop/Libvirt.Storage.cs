using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace LibvirtNested.Interop;

/// <content>libvirt-storage.h: storage pools and volumes.</content>
internal static unsafe partial class Libvirt
{
    internal const uint VIR_STORAGE_POOL_BUILD_NEW = 0;
    internal const uint VIR_STORAGE_POOL_CREATE_NORMAL = 0;
    internal const uint VIR_STORAGE_VOL_DELETE_NORMAL = 0;

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial StoragePoolHandle virStoragePoolDefineXML(ConnectHandle conn, string xml, uint flags);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial StoragePoolHandle virStoragePoolLookupByName(ConnectHandle conn, string name);

    [LibraryImport(LibraryName)]
    internal static partial int virConnectListAllStoragePools(ConnectHandle conn, nint** pools, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virStoragePoolFree(nint pool);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(ConstUtf8StringMarshaller))]
    internal static partial string? virStoragePoolGetName(StoragePoolHandle pool);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virStoragePoolGetXMLDesc(StoragePoolHandle pool, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virStoragePoolBuild(StoragePoolHandle pool, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virStoragePoolCreate(StoragePoolHandle pool, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virStoragePoolDestroy(StoragePoolHandle pool);

    [LibraryImport(LibraryName)]
    internal static partial int virStoragePoolUndefine(StoragePoolHandle pool);

    [LibraryImport(LibraryName)]
    internal static partial int virStoragePoolIsActive(StoragePoolHandle pool);

    [LibraryImport(LibraryName)]
    internal static partial int virStoragePoolSetAutostart(StoragePoolHandle pool, int autostart);

    [LibraryImport(LibraryName)]
    internal static partial int virStoragePoolRefresh(StoragePoolHandle pool, uint flags);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial StorageVolumeHandle virStorageVolCreateXML(StoragePoolHandle pool, string xmlDesc, uint flags);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(CheckedUtf8StringMarshaller))]
    internal static partial StorageVolumeHandle virStorageVolLookupByName(StoragePoolHandle pool, string name);

    [LibraryImport(LibraryName)]
    internal static partial int virStorageVolFree(nint vol);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(ConstUtf8StringMarshaller))]
    internal static partial string? virStorageVolGetName(StorageVolumeHandle vol);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virStorageVolGetPath(StorageVolumeHandle vol);

    [LibraryImport(LibraryName)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virStorageVolGetXMLDesc(StorageVolumeHandle vol, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int virStorageVolDelete(StorageVolumeHandle vol, uint flags);
}
