namespace LibvirtNested;

/// <summary>
/// Runs a libvirt call that may block on a daemon on a thread-pool thread, so an async caller's thread is free and
/// the caller can stop waiting. libvirt calls cannot be interrupted: once the call has started it runs to the end on
/// that thread (the daemon does the work); giving up only stops the wait. What the call returns after the caller gave
/// up is released here (<see cref="IDisposable.Dispose"/>: <c>vir*Free</c>, <c>virConnectClose</c>), and a failure
/// after giving up is observed and dropped, so abandoning a call never leaks a handle or an unobserved exception.
/// </summary>
/// <remarks>libvirt's last error is per thread: each call reads it on the worker thread, inside the delegate, as usual.</remarks>
internal static class BlockingCall
{
    /// <summary>Runs <paramref name="call"/> unless <paramref name="cancellationToken"/> is cancelled before it starts.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the call started, or while it ran (then it completes unobserved).</exception>
    internal static async Task RunAsync(Action call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var work = Task.Run(call, cancellationToken);
        try
        {
            await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _ = work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>Runs <paramref name="call"/>, whose result owns nothing native (a string, a value).</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the call started, or while it ran.</exception>
    internal static async Task<T> RunAsync<T>(Func<T> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var work = Task.Run(call, cancellationToken);
        try
        {
            return await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _ = work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>Runs <paramref name="call"/>, whose result owns a libvirt reference: disposed when the caller gave up before it arrived.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the call started, or while it ran (the result is then disposed when it arrives).</exception>
    internal static async Task<T> RunOwnedAsync<T>(Func<T> call, CancellationToken cancellationToken)
        where T : IDisposable
    {
        cancellationToken.ThrowIfCancellationRequested();
        var work = Task.Run(call, cancellationToken);
        try
        {
            return await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Also when the call completed in the same instant: nobody will receive its result, so nobody else frees it.
            _ = work.ContinueWith(
                static t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        t.Result.Dispose();
                    }
                    else
                    {
                        _ = t.Exception;
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            throw;
        }
    }
}
