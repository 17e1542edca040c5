namespace LibvirtNested.Fleet;

/// <summary>
/// One host did not finish within the per-host timeout of a fan-out or a placement (<see cref="LibvirtHostPoolOptions.PerHostTimeout"/>):
/// it is frozen, unreachable without a prompt refusal, or busy with earlier calls. The call may still complete on the
/// host (libvirt calls cannot be interrupted); only the wait was given up.
/// </summary>
public class LibvirtHostTimeoutException : LibvirtException
{
    /// <summary>Creates the exception.</summary>
    public LibvirtHostTimeoutException()
        : this("A libvirt host did not answer in time.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public LibvirtHostTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtHostTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="uri"/>.</summary>
    /// <param name="uri">The host's URI.</param>
    /// <param name="timeout">The time it was given.</param>
    /// <param name="phase">Where the call was when the time ran out: <c>queued</c>, <c>opening</c> or <c>running</c>.</param>
    public LibvirtHostTimeoutException(string uri, TimeSpan timeout, string phase)
        : base($"The libvirt host {uri} did not finish within {timeout.TotalSeconds:0.###} s (the call was {phase}).")
    {
        Uri = uri;
        Timeout = timeout;
        Phase = phase;
    }

    /// <summary>The host's URI; null when not given.</summary>
    public string? Uri { get; }

    /// <summary>The time the host was given.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Where the call was when the time ran out: <c>queued</c> (waiting for one of the host's slots), <c>opening</c> (<c>virConnectOpen</c>) or <c>running</c>; null when not given.</summary>
    public string? Phase { get; }
}
