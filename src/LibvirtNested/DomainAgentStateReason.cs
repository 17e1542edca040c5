namespace LibvirtNested;

/// <summary>Why the guest agent's state changed (<c>virConnectDomainEventAgentLifecycleReason</c>). Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainAgentStateReason
{
    /// <summary><c>VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_UNKNOWN</c>: unknown state change reason.</summary>
    Unknown = 0,

    /// <summary><c>VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_DOMAIN_STARTED</c>: state changed due to domain start.</summary>
    DomainStarted = 1,

    /// <summary><c>VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_CHANNEL</c>: channel state changed.</summary>
    Channel = 2,
}
