namespace LibvirtNested;

/// <summary>
/// The timeout and cancellation of one event-driven wait: a token that fires on either, and the translation of
/// its firing into <see cref="TimeoutException"/> (the deadline passed) or <see cref="OperationCanceledException"/>
/// (the caller cancelled), so every wait of <see cref="LibvirtDomain"/> reports them alike.
/// </summary>
internal sealed class WaitDeadline : IDisposable
{
    /// <summary>The longest delay a <see cref="CancellationTokenSource"/> timer accepts; a longer timeout never fires in practice and counts as infinite.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly CancellationTokenSource source;
    private readonly CancellationToken callerToken;

    private WaitDeadline(TimeSpan timeout, CancellationToken callerToken)
    {
        this.callerToken = callerToken;
        Timeout = timeout;
        source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan && timeout <= LongestTimer)
        {
            source.CancelAfter(timeout);
        }
    }

    /// <summary>The timeout as given.</summary>
    internal TimeSpan Timeout { get; }

    /// <summary>Fires when the deadline passes or the caller cancels.</summary>
    internal CancellationToken Token => source.Token;

    /// <summary>Whether the deadline passed (and the caller did not cancel).</summary>
    internal bool Expired => source.IsCancellationRequested && !callerToken.IsCancellationRequested;

    /// <summary>Checks the arguments and starts the clock.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is already cancelled.</exception>
    internal static WaitDeadline Start(TimeSpan timeout, CancellationToken cancellationToken, string parameterName = "timeout")
    {
        if (timeout < TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "The timeout must be zero or positive, or Timeout.InfiniteTimeSpan.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new WaitDeadline(timeout, cancellationToken);
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> for the caller's token if it was cancelled.</summary>
    internal void ThrowIfCallerCancelled() => callerToken.ThrowIfCancellationRequested();

    /// <summary>Releases the timer.</summary>
    public void Dispose() => source.Dispose();
}
