namespace LibvirtNested;

/// <summary>
/// <c>virDomainXMLFlags</c> besides <c>VIR_DOMAIN_XML_INACTIVE</c>, which is chosen by calling
/// <see cref="LibvirtDomain.GetInactiveXml(DomainXmlOptions)"/> rather than <see cref="LibvirtDomain.GetLiveXml(DomainXmlOptions)"/>.
/// </summary>
[Flags]
public enum DomainXmlOptions
{
    /// <summary>No extra flag.</summary>
    None = 0,

    /// <summary><c>VIR_DOMAIN_XML_SECURE</c>: include security-sensitive data such as VNC passwords; needs a read-write connection.</summary>
    Secure = 1 << 0,

    /// <summary><c>VIR_DOMAIN_XML_UPDATE_CPU</c>: give the guest CPU as the host can provide it.</summary>
    UpdateCpu = 1 << 2,

    /// <summary><c>VIR_DOMAIN_XML_MIGRATABLE</c>: the XML a migration destination would get.</summary>
    Migratable = 1 << 3,
}
