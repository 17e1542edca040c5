namespace LibvirtNested.Fleet;

/// <summary>
/// Settles an operation whose caller stopped waiting: its failure is observed and dropped, and a result that owns
/// native handles (<see cref="IDisposable"/>: domains, connections) is disposed, so giving up never leaks.
/// </summary>
/// <typeparam name="T">The operation's result.</typeparam>
internal sealed class AbandonableCall<T>
{
    private int state;

    /// <summary>The caller gave up on <paramref name="work"/>; settles it now if it has finished already.</summary>
    internal void Abandon(Task<T> work)
    {
        if (Interlocked.Exchange(ref state, 1) == 2)
        {
            Settle(work);
        }
    }

    /// <summary>The operation ended; settles it if its caller gave up already.</summary>
    internal void Finished(Task<T> work)
    {
        if (Interlocked.Exchange(ref state, 2) == 1)
        {
            Settle(work);
        }
    }

    private static void Settle(Task<T> work)
    {
        if (work.IsCompletedSuccessfully)
        {
            (work.Result as IDisposable)?.Dispose();
        }
        else
        {
            _ = work.Exception;
        }
    }
}
