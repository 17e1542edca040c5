namespace LibvirtNested;

/// <summary>What a connection may do: libvirt's <c>VIR_CONNECT_RO</c> flag of <c>virConnectOpenAuth</c>.</summary>
public enum LibvirtConnectionAccess
{
    /// <summary>Queries and changes (no flag).</summary>
    ReadWrite = 0,

    /// <summary>Queries only (<c>VIR_CONNECT_RO</c>); changes fail with libvirt's error.</summary>
    ReadOnly = 1,
}
