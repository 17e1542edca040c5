namespace LibvirtNested;

/// <summary><c>virDomainModificationImpact</c>: whether a device change applies to the running guest, its persistent definition, or both.</summary>
[Flags]
public enum DomainModificationScope
{
    /// <summary><c>VIR_DOMAIN_AFFECT_CURRENT</c>: the live guest if running, otherwise the definition.</summary>
    Current = 0,

    /// <summary><c>VIR_DOMAIN_AFFECT_LIVE</c>: the running guest.</summary>
    Live = 1 << 0,

    /// <summary><c>VIR_DOMAIN_AFFECT_CONFIG</c>: the persistent definition.</summary>
    Config = 1 << 1,
}
