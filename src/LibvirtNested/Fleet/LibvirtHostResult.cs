namespace LibvirtNested.Fleet;

/// <summary>What one host answered in a fan-out: a value, or the typed error that host alone failed with.</summary>
/// <typeparam name="T">The operation's result.</typeparam>
public sealed record LibvirtHostResult<T>
{
    /// <summary>The host's URI, as given to the pool.</summary>
    public required string Uri { get; init; }

    /// <summary>The operation's result; <see langword="default"/> when <see cref="Error"/> is set.</summary>
    public T? Value { get; init; }

    /// <summary>
    /// Why this host failed: <see cref="LibvirtHostTimeoutException"/> (no answer in time), <see cref="LibvirtConnectionFailedException"/>
    /// (cannot be reached), <see cref="LibvirtConnectionLostException"/> (broke, being reopened), any other <see cref="LibvirtException"/>
    /// from the operation, or what the operation itself threw; null when it succeeded.
    /// </summary>
    public Exception? Error { get; init; }

    /// <summary>Whether the operation completed on this host.</summary>
    public bool Succeeded => Error is null;

    /// <summary>From the fan-out's start to this host's answer (or its timeout).</summary>
    public TimeSpan Elapsed { get; init; }
}
