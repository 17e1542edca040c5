using System.Runtime.InteropServices;

namespace LibvirtNested.Tests.Events;

/// <summary>
/// libvirt calls the library has no public member for, used only to make the test driver emit events
/// (suspend, resume, save, restore, snapshots, rename, metadata, pool delete). Each throws on failure.
/// </summary>
internal static partial class TestNative
{
    private const string Library = "libvirt.so.0";

    public static void Suspend(LibvirtDomain domain) => Check(virDomainSuspend(domain.Handle.DangerousGetHandle()), nameof(virDomainSuspend));

    public static void Resume(LibvirtDomain domain) => Check(virDomainResume(domain.Handle.DangerousGetHandle()), nameof(virDomainResume));

    public static void Save(LibvirtDomain domain, string path) => Check(virDomainSave(domain.Handle.DangerousGetHandle(), path), nameof(virDomainSave));

    public static void Restore(LibvirtConnection connection, string path) => Check(virDomainRestore(connection.Handle.DangerousGetHandle(), path), nameof(virDomainRestore));

    public static void Rename(LibvirtDomain domain, string newName) => Check(virDomainRename(domain.Handle.DangerousGetHandle(), newName, 0), nameof(virDomainRename));

    /// <summary><c>virDomainSetMetadata</c>; <paramref name="key"/> and <paramref name="uri"/> only for <c>VIR_DOMAIN_METADATA_ELEMENT</c> (2).</summary>
    public static void SetMetadata(LibvirtDomain domain, int type, string? metadata, string? key, string? uri, uint flags) =>
        Check(virDomainSetMetadata(domain.Handle.DangerousGetHandle(), type, metadata, key, uri, flags), nameof(virDomainSetMetadata));

    /// <summary>Creates a snapshot and reverts to it at once (the test driver emits stopped / started FROM_SNAPSHOT).</summary>
    public static void SnapshotAndRevert(LibvirtDomain domain, string snapshotName)
    {
        var snapshot = virDomainSnapshotCreateXML(domain.Handle.DangerousGetHandle(), $"<domainsnapshot><name>{snapshotName}</name></domainsnapshot>", 0);
        Check(snapshot == 0 ? -1 : 0, nameof(virDomainSnapshotCreateXML));
        try
        {
            Check(virDomainRevertToSnapshot(snapshot, 0), nameof(virDomainRevertToSnapshot));
        }
        finally
        {
            _ = virDomainSnapshotFree(snapshot);
        }
    }

    public static void DeletePool(LibvirtStoragePool pool) => Check(virStoragePoolDelete(pool.Handle.DangerousGetHandle(), 0), nameof(virStoragePoolDelete));

    private static void Check(int result, string function)
    {
        if (result < 0)
        {
            throw new InvalidOperationException($"{function} failed on the test driver");
        }
    }

    [LibraryImport(Library)]
    private static partial int virDomainSuspend(nint domain);

    [LibraryImport(Library)]
    private static partial int virDomainResume(nint domain);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int virDomainSave(nint domain, string to);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int virDomainRestore(nint conn, string from);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int virDomainRename(nint domain, string newName, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int virDomainSetMetadata(nint domain, int type, string? metadata, string? key, string? uri, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint virDomainSnapshotCreateXML(nint domain, string xml, uint flags);

    [LibraryImport(Library)]
    private static partial int virDomainRevertToSnapshot(nint snapshot, uint flags);

    [LibraryImport(Library)]
    private static partial int virDomainSnapshotFree(nint snapshot);

    [LibraryImport(Library)]
    private static partial int virStoragePoolDelete(nint pool, uint flags);
}
