namespace LibvirtNested;

/// <summary>
/// A marker in an event stream: <see cref="Count"/> events were dropped at this point because the subscription's
/// buffer was full (the consumer read too slowly). Events are never lost silently: the marker takes the place of
/// the dropped ones, and the stream continues with the next event that fits.
/// </summary>
public sealed record EventsLostEvent : LibvirtEvent
{
    /// <summary>How many events were dropped here; at least 1.</summary>
    public required long Count { get; init; }
}
