namespace LibvirtNested;

/// <summary>How a block job ended or where it stands (<c>virConnectDomainEventBlockJobStatus</c>). Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainBlockJobStatus
{
    /// <summary><c>VIR_DOMAIN_BLOCK_JOB_COMPLETED</c>.</summary>
    Completed = 0,

    /// <summary><c>VIR_DOMAIN_BLOCK_JOB_FAILED</c>.</summary>
    Failed = 1,

    /// <summary><c>VIR_DOMAIN_BLOCK_JOB_CANCELED</c>.</summary>
    Canceled = 2,

    /// <summary><c>VIR_DOMAIN_BLOCK_JOB_READY</c>.</summary>
    Ready = 3,
}
