namespace LibvirtNested;

/// <summary>
/// <see cref="LibvirtConnection.EditDomain(LibvirtDomain, Action{LibvirtNested.Xml.Domain.DomainXml}, EditOptions?)"/> found the
/// definition changed by another writer (another process, or a <c>virsh</c> on the host) between reading it and defining
/// the edited copy, on every one of <see cref="EditOptions.MaxAttempts"/> attempts. Nothing was defined by this edit;
/// the other writer's changes are in place. It carries no libvirt error (<see cref="LibvirtException.Code"/> is 0).
/// </summary>
public sealed class LibvirtEditConflictException : LibvirtException
{
    /// <summary>Creates the exception with a default message.</summary>
    public LibvirtEditConflictException()
        : this("The domain definition kept changing during the edit.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public LibvirtEditConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtEditConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an edit that gave up.</summary>
    /// <param name="domainName">The domain's name.</param>
    /// <param name="attempts">How many times the edit read, changed and found the definition changed again.</param>
    public LibvirtEditConflictException(string domainName, int attempts)
        : base($"The definition of domain '{domainName}' was changed by another writer during each of {attempts} edit attempts; nothing was defined by this edit.")
    {
        EditedDomain = domainName;
        Attempts = attempts;
    }

    /// <summary>The edited domain's name, when known (<see cref="LibvirtException.DomainName"/> is libvirt's error domain).</summary>
    public string? EditedDomain { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
