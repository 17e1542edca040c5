namespace LibvirtNested;

/// <summary>Which part of a domain's metadata changed (<c>virDomainMetadataType</c>). Values equal the C enum; a value from a newer libvirt passes through as its number.</summary>
public enum DomainMetadataType
{
    /// <summary><c>VIR_DOMAIN_METADATA_DESCRIPTION</c>: operate on &lt;description&gt;.</summary>
    Description = 0,

    /// <summary><c>VIR_DOMAIN_METADATA_TITLE</c>: operate on &lt;title&gt;.</summary>
    Title = 1,

    /// <summary><c>VIR_DOMAIN_METADATA_ELEMENT</c>: operate on &lt;metadata&gt;.</summary>
    Element = 2,
}
