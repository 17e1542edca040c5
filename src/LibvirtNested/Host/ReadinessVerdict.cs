namespace LibvirtNested.Host;

/// <summary>The answer of one readiness finding, or of the whole <see cref="NestedReadinessReport"/>.</summary>
public enum ReadinessVerdict
{
    /// <summary>The evidence could not be read or made no sense (missing file, unreadable file, garbage value): nobody knows.</summary>
    Unknown = 0,

    /// <summary>The evidence shows this part is ready for nested guests.</summary>
    Ready = 1,

    /// <summary>The evidence shows this part is not ready; the finding carries the remedy.</summary>
    NotReady = 2,
}
