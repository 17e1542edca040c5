namespace LibvirtNested;

/// <summary>The kind of a block job (<c>virDomainBlockJobType</c>). Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainBlockJobType
{
    /// <summary><c>VIR_DOMAIN_BLOCK_JOB_TYPE_UNKNOWN</c>: placeholder.</summary>
    Unknown = 0,

    /// <summary><c>VIR_DOMAIN_BLOCK_JOB_TYPE_PULL</c>: block Pull (virDomainBlockPull, or virDomainBlockRebase without flags), job ends on completion.</summary>
    Pull = 1,

    /// <summary><c>VIR_DOMAIN_BLOCK_JOB_TYPE_COPY</c>: block Copy (virDomainBlockCopy, or virDomainBlockRebase with flags), job exists as long as mirroring is active.</summary>
    Copy = 2,

    /// <summary><c>VIR_DOMAIN_BLOCK_JOB_TYPE_COMMIT</c>: block Commit (virDomainBlockCommit without flags), job ends on completion.</summary>
    Commit = 3,

    /// <summary><c>VIR_DOMAIN_BLOCK_JOB_TYPE_ACTIVE_COMMIT</c>: active Block Commit (virDomainBlockCommit with flags), job exists as long as sync is active.</summary>
    ActiveCommit = 4,

    /// <summary><c>VIR_DOMAIN_BLOCK_JOB_TYPE_BACKUP</c>: backup (virDomainBackupBegin).</summary>
    Backup = 5,
}
