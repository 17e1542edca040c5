namespace LibvirtNested;

/// <summary>
/// A block job (pull, copy, commit, backup) reached a final or ready state (<c>VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2</c>,
/// <c>virConnectDomainEventBlockJobCallback</c>).
/// </summary>
public sealed record DomainBlockJobEvent : DomainEvent
{
    /// <summary>The disk's target name (<c>vda</c>, <c>sdb</c>: the <c>BLOCK_JOB_2</c> form, not the source path).</summary>
    public required string Disk { get; init; }

    /// <summary>The kind of job (<c>virDomainBlockJobType</c>).</summary>
    public required DomainBlockJobType Type { get; init; }

    /// <summary>How it ended, or that a mirror is ready to pivot (<c>virConnectDomainEventBlockJobStatus</c>).</summary>
    public required DomainBlockJobStatus Status { get; init; }
}
