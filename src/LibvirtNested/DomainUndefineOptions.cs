namespace LibvirtNested;

/// <summary><c>virDomainUndefineFlagsValues</c>: what else to remove (or keep) when undefining a domain.</summary>
[Flags]
public enum DomainUndefineOptions
{
    /// <summary>Nothing extra; libvirt refuses when managed save, snapshots, checkpoints or nvram exist.</summary>
    None = 0,

    /// <summary><c>VIR_DOMAIN_UNDEFINE_MANAGED_SAVE</c>: also remove the managed save image.</summary>
    ManagedSave = 1 << 0,

    /// <summary><c>VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA</c>: also remove snapshot metadata.</summary>
    SnapshotsMetadata = 1 << 1,

    /// <summary><c>VIR_DOMAIN_UNDEFINE_NVRAM</c>: also remove the UEFI nvram file.</summary>
    Nvram = 1 << 2,

    /// <summary><c>VIR_DOMAIN_UNDEFINE_KEEP_NVRAM</c>: keep the nvram file.</summary>
    KeepNvram = 1 << 3,

    /// <summary><c>VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA</c>: also remove checkpoint metadata.</summary>
    CheckpointsMetadata = 1 << 4,

    /// <summary><c>VIR_DOMAIN_UNDEFINE_TPM</c>: also remove TPM state.</summary>
    Tpm = 1 << 5,

    /// <summary><c>VIR_DOMAIN_UNDEFINE_KEEP_TPM</c>: keep TPM state.</summary>
    KeepTpm = 1 << 6,
}
