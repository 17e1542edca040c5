namespace LibvirtNested.Xml.Storage;

/// <summary><c>/pool/@type</c>: the kind of storage pool. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct StoragePoolType(string Value)
{
    /// <summary><c>dir</c>: a host directory.</summary>
    public static StoragePoolType Dir { get; } = new("dir");

    /// <summary><c>fs</c>: a file system on a block device.</summary>
    public static StoragePoolType Fs { get; } = new("fs");

    /// <summary><c>netfs</c>: a network file system.</summary>
    public static StoragePoolType Netfs { get; } = new("netfs");

    /// <summary><c>logical</c>: an LVM volume group.</summary>
    public static StoragePoolType Logical { get; } = new("logical");

    /// <summary><c>disk</c>: a partitioned disk.</summary>
    public static StoragePoolType Disk { get; } = new("disk");

    /// <summary><c>iscsi</c>.</summary>
    public static StoragePoolType Iscsi { get; } = new("iscsi");

    /// <summary><c>iscsi-direct</c>.</summary>
    public static StoragePoolType IscsiDirect { get; } = new("iscsi-direct");

    /// <summary><c>scsi</c>.</summary>
    public static StoragePoolType Scsi { get; } = new("scsi");

    /// <summary><c>mpath</c>.</summary>
    public static StoragePoolType Mpath { get; } = new("mpath");

    /// <summary><c>rbd</c>: Ceph RBD.</summary>
    public static StoragePoolType Rbd { get; } = new("rbd");

    /// <summary><c>sheepdog</c>.</summary>
    public static StoragePoolType Sheepdog { get; } = new("sheepdog");

    /// <summary><c>gluster</c>.</summary>
    public static StoragePoolType Gluster { get; } = new("gluster");

    /// <summary><c>zfs</c>.</summary>
    public static StoragePoolType Zfs { get; } = new("zfs");

    /// <summary><c>vstorage</c>.</summary>
    public static StoragePoolType Vstorage { get; } = new("vstorage");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
