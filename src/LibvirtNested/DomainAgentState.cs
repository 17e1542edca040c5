namespace LibvirtNested;

/// <summary>The guest agent's channel state (<c>virConnectDomainEventAgentLifecycleState</c>). Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainAgentState
{
    /// <summary><c>VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_CONNECTED</c>: agent connected.</summary>
    Connected = 1,

    /// <summary><c>VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_DISCONNECTED</c>: agent disconnected.</summary>
    Disconnected = 2,
}
