namespace LibvirtNested;

/// <summary>Options of <see cref="LibvirtConnection.EditDomain(string, Action{LibvirtNested.Xml.Domain.DomainXml}, EditOptions?)"/>.</summary>
public sealed record EditOptions
{
    /// <summary>The number of attempts after which a definition that keeps changing under the edit gives <see cref="LibvirtEditConflictException"/>.</summary>
    public const int DefaultMaxAttempts = 3;

    private readonly int maxAttempts = DefaultMaxAttempts;

    /// <summary>Compute and return the diff without defining anything.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Ask libvirt to validate the edited definition against its schema (<c>VIR_DOMAIN_DEFINE_VALIDATE</c>). On by
    /// default, as for <see cref="LibvirtConnection.DefineDomain(string, DomainDefineOptions)"/>.
    /// </summary>
    public bool Validate { get; init; } = true;

    /// <summary>
    /// Show passwords in <see cref="EditResult.Diff"/>. Off by default: the edit reads the definition with
    /// <c>VIR_DOMAIN_XML_SECURE</c> (so that defining it keeps them), and a diff is often logged, so the values of
    /// <c>passwd</c>, <c>password</c> and <c>passphrase</c> attributes are replaced by <c>***</c>.
    /// </summary>
    public bool IncludeSecretsInDiff { get; init; }

    /// <summary>
    /// How many times to read, change and define when another writer (another process; writers inside this
    /// process are serialised) changes the definition between this edit's read and its define. 3 by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int MaxAttempts
    {
        get => maxAttempts;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            maxAttempts = value;
        }
    }
}
