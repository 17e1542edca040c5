namespace LibvirtNested;

/// <summary>
/// A marker in a <see cref="ResilientLibvirtConnection"/> event stream (and the argument of
/// <see cref="ResilientLibvirtConnection.Reconnected"/>): the connection is back and the subscription registered
/// again. Events that happened while it was down are not replayed (libvirt keeps none); <see cref="Domains"/> is a
/// fresh snapshot, taken after the subscription was registered again, so that a consumer can resync from it: nothing
/// is missed, and events right after the marker may already be reflected in the snapshot.
/// </summary>
public sealed record ReconnectedEvent : LibvirtEvent
{
    /// <summary>
    /// The states of the domains the stream watches: the one domain of a name-filtered
    /// <see cref="ResilientLibvirtConnection.WatchDomainLifecycleAsync(string?, CancellationToken)"/> (empty when it
    /// does not exist), otherwise every domain.
    /// </summary>
    public required IReadOnlyList<DomainStateSnapshot> Domains { get; init; }

    /// <summary>How long the connection was down: from the close libvirt reported to the successful reopen.</summary>
    public required TimeSpan Downtime { get; init; }

    /// <summary>How many times the connection was opened again since the first open, this time included (1, 2, …).</summary>
    public required long Reconnects { get; init; }
}
