using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <summary>The outcome of a <c>virsh edit</c>-style edit; init-only properties, so fields can be added.</summary>
public sealed record EditResult
{
    /// <summary>Whether the change altered the definition's text.</summary>
    public required bool Changed { get; init; }

    /// <summary>Whether the edited definition was defined (false for a dry run or no change).</summary>
    public required bool Applied { get; init; }

    /// <summary>
    /// A unified diff from the current inactive XML to the edited XML; empty when nothing changed. Passwords
    /// (<c>passwd</c>, <c>password</c>, <c>passphrase</c> attribute values) read as <c>***</c> unless
    /// <see cref="EditOptions.IncludeSecretsInDiff"/> was set.
    /// </summary>
    public required string Diff { get; init; }

    /// <summary>
    /// After an applied edit, the definition as libvirt now reports it, read like the edit read it (inactive, with
    /// secure data); otherwise the edited document that would be defined.
    /// </summary>
    public required DomainXml Xml { get; init; }

    /// <summary>How many times the change delegate ran: more than once when another writer changed the definition between read and define.</summary>
    public int Attempts { get; init; } = 1;
}
