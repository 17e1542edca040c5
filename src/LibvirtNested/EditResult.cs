using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <summary>The outcome of a <c>virsh edit</c>-style edit.</summary>
/// <param name="Changed">Whether the change altered the definition's text.</param>
/// <param name="Applied">Whether the edited definition was defined (false for a dry run or no change).</param>
/// <param name="Diff">A unified diff from the current inactive XML to the edited XML; empty when nothing changed.</param>
/// <param name="Xml">After an applied edit, the definition as libvirt now reports it (inactive); otherwise the edited document that would be defined.</param>
public sealed record EditResult(bool Changed, bool Applied, string Diff, DomainXml Xml);
