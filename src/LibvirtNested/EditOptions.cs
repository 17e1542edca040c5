namespace LibvirtNested;

/// <summary>Options of <see cref="LibvirtConnection.EditDomain(string, Action{LibvirtNested.Xml.Domain.DomainXml}, EditOptions?)"/>.</summary>
public sealed record EditOptions
{
    /// <summary>Compute and return the diff without defining anything.</summary>
    public bool DryRun { get; init; }

    /// <summary>Ask libvirt to validate the edited definition against its schema (<c>VIR_DOMAIN_DEFINE_VALIDATE</c>). On by default.</summary>
    public bool Validate { get; init; } = true;
}
