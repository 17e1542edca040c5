namespace LibvirtNested.Interop;

/// <summary>Which libvirt object an event is about, and so which <c>virConnect…EventRegisterAny</c> registers it.</summary>
internal enum EventFamily
{
    /// <summary><c>virConnectDomainEventRegisterAny</c>.</summary>
    Domain,

    /// <summary><c>virConnectNetworkEventRegisterAny</c>.</summary>
    Network,

    /// <summary><c>virConnectStoragePoolEventRegisterAny</c>.</summary>
    StoragePool,
}
