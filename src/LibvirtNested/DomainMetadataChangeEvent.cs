namespace LibvirtNested;

/// <summary>
/// A domain's title, description or custom metadata changed (<c>VIR_DOMAIN_EVENT_ID_METADATA_CHANGE</c>,
/// <c>virConnectDomainEventMetadataChangeCallback</c>), for example through <c>virDomainSetMetadata</c>.
/// </summary>
public sealed record DomainMetadataChangeEvent : DomainEvent
{
    /// <summary>Which part changed (<c>virDomainMetadataType</c>).</summary>
    public required DomainMetadataType Type { get; init; }

    /// <summary>The XML namespace URI of the changed <c>&lt;metadata&gt;</c> element (<c>nsuri</c>) for <see cref="DomainMetadataType.Element"/>; otherwise <see langword="null"/>.</summary>
    public string? NamespaceUri { get; init; }
}
