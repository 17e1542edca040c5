namespace LibvirtNested;

/// <summary>The guest rebooted (<c>VIR_DOMAIN_EVENT_ID_REBOOT</c>, a <c>virConnectDomainEventGenericCallback</c>); the domain stays running.</summary>
public sealed record DomainRebootEvent : DomainEvent;
