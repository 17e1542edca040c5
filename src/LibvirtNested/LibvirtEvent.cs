namespace LibvirtNested;

/// <summary>
/// Something a libvirt event subscription yields: a libvirt event (<see cref="DomainEvent"/> and its kinds) or a
/// marker about the stream itself (<see cref="EventsLostEvent"/>). Every <c>Watch…Async</c> stream has this
/// element type, so one consumer loop pattern-matches on the kinds it cares about and ignores the rest.
/// </summary>
public abstract record LibvirtEvent
{
    /// <summary>When the library received the event from libvirt's event loop (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
