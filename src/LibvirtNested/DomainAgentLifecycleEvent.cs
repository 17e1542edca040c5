namespace LibvirtNested;

/// <summary>
/// The guest agent (qemu-guest-agent) connected or disconnected (<c>VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE</c>,
/// <c>virConnectDomainEventAgentLifecycleCallback</c>).
/// </summary>
public sealed record DomainAgentLifecycleEvent : DomainEvent
{
    /// <summary>The agent channel's new state (<c>virConnectDomainEventAgentLifecycleState</c>).</summary>
    public required DomainAgentState State { get; init; }

    /// <summary>Why it changed (<c>virConnectDomainEventAgentLifecycleReason</c>).</summary>
    public required DomainAgentStateReason Reason { get; init; }
}
