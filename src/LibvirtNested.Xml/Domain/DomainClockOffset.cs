namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/clock/@offset</c>: how the guest's clock relates to the host's.
/// Values this library does not know round-trip unchanged.
/// </summary>
/// <param name="Value">The value exactly as written in the XML.</param>
public readonly record struct DomainClockOffset(string Value)
{
    /// <summary><c>utc</c>: the guest clock runs in UTC.</summary>
    public static DomainClockOffset Utc { get; } = new("utc");

    /// <summary><c>localtime</c>: the guest clock runs in the host's local time zone.</summary>
    public static DomainClockOffset Localtime { get; } = new("localtime");

    /// <summary><c>timezone</c>: the guest clock runs in the time zone named by <c>timezone</c>.</summary>
    public static DomainClockOffset Timezone { get; } = new("timezone");

    /// <summary><c>variable</c>: the guest clock runs with an offset given by <c>adjustment</c> and <c>basis</c>.</summary>
    public static DomainClockOffset Variable { get; } = new("variable");

    /// <summary><c>absolute</c>: the guest clock starts at the epoch time given by <c>start</c>.</summary>
    public static DomainClockOffset Absolute { get; } = new("absolute");

    /// <summary>The value as written in the XML.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
