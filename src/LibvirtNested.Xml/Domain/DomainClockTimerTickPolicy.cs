namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/clock/timer/@tickpolicy</c>: what happens when ticks are missed because the guest was not scheduled.
/// Values this library does not know round-trip unchanged.
/// </summary>
/// <param name="Value">The value exactly as written in the XML.</param>
public readonly record struct DomainClockTimerTickPolicy(string Value)
{
    /// <summary><c>delay</c>: ticks continue at the normal rate; the guest time is delayed.</summary>
    public static DomainClockTimerTickPolicy Delay { get; } = new("delay");

    /// <summary><c>catchup</c>: missed ticks are delivered at a higher rate to catch up.</summary>
    public static DomainClockTimerTickPolicy Catchup { get; } = new("catchup");

    /// <summary><c>merge</c>: missed ticks are merged into one.</summary>
    public static DomainClockTimerTickPolicy Merge { get; } = new("merge");

    /// <summary><c>discard</c>: missed ticks are thrown away.</summary>
    public static DomainClockTimerTickPolicy Discard { get; } = new("discard");

    /// <summary>The value as written in the XML.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
