using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace LibvirtNested.Fleet;

/// <content>Fan-out: one operation on many hosts at once.</content>
public sealed partial class LibvirtHostPool
{
    /// <summary>
    /// Runs <paramref name="operation"/> on every host (or on <paramref name="uris"/>) at once, each under the pool's
    /// per-host limit and within <paramref name="perHostTimeout"/>, and returns one result per host: its value, or the
    /// typed error of that host alone. A dead, frozen or slow host never fails or delays the others' results beyond the timeout.
    /// </summary>
    /// <typeparam name="T">The operation's result.</typeparam>
    /// <param name="operation">The libvirt work for one host, e.g. <c>c =&gt; c.LibvirtVersion</c>.</param>
    /// <param name="uris">The hosts; <see langword="null"/> for every host of the pool. Unknown URIs are added.</param>
    /// <param name="perHostTimeout">Each host's time (slot, open and operation); <see langword="null"/> for <see cref="LibvirtHostPoolOptions.PerHostTimeout"/>.</param>
    /// <param name="cancellationToken">Stops the whole fan-out.</param>
    /// <returns>One result per host, in the order of <paramref name="uris"/> (or <see cref="Uris"/>); a host that ran out of time has a <see cref="LibvirtHostTimeoutException"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perHostTimeout"/> is not positive.</exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IReadOnlyList<LibvirtHostResult<T>>> FanOutAsync<T>(
        Func<LibvirtConnection, T> operation, IEnumerable<string>? uris = null, TimeSpan? perHostTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return FanOutCoreAsync((_, connection) => operation(connection), uris, perHostTimeout, cancellationToken);
    }

    /// <summary><see cref="FanOutAsync{T}"/> with an operation that is told which host it runs on.</summary>
    private async Task<IReadOnlyList<LibvirtHostResult<T>>> FanOutCoreAsync<T>(
        Func<string, LibvirtConnection, T> operation, IEnumerable<string>? uris, TimeSpan? perHostTimeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var timeout = perHostTimeout ?? options.PerHostTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(perHostTimeout));
        var targets = uris?.ToList() ?? [.. Uris];
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(targets.Select(uri => RunOneAsync(uri, operation, timeout, started, cancellationToken))).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }

    private async Task<LibvirtHostResult<T>> RunOneAsync<T>(string uri, Func<string, LibvirtConnection, T> operation, TimeSpan timeout, long started, CancellationToken cancellationToken)
    {
        // Yield first: a host whose open or queue completes synchronously must not hold back the others' start.
        await Task.Yield();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var phase = new StrongBox<string>("queued");
        try
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(uri);
            var value = await RunAsync(Host(uri), connection => operation(uri, connection), phase, deadline.Token).ConfigureAwait(false);
            return new LibvirtHostResult<T> { Uri = uri, Value = value, Elapsed = Stopwatch.GetElapsedTime(started) };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            return new LibvirtHostResult<T> { Uri = uri, Error = new LibvirtHostTimeoutException(uri, timeout, phase.Value!), Elapsed = Stopwatch.GetElapsedTime(started) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new LibvirtHostResult<T> { Uri = uri, Error = new OperationCanceledException(cancellationToken), Elapsed = Stopwatch.GetElapsedTime(started) };
        }
#pragma warning disable CA1031 // Every host's failure is that host's result, whatever the operation threw.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new LibvirtHostResult<T> { Uri = uri, Error = e, Elapsed = Stopwatch.GetElapsedTime(started) };
        }
    }
}
