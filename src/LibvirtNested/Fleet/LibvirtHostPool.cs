using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Polly;
using Polly.Retry;

namespace LibvirtNested.Fleet;

/// <summary>
/// Many libvirt hosts, keyed by URI, for a service that drives a fleet: one <see cref="ResilientLibvirtConnection"/> per
/// host, opened on first use (retried with backoff by Polly) and reopened by itself after a break; at most
/// <see cref="LibvirtHostPoolOptions.MaxConcurrentCallsPerHost"/> operations per host at once, later ones queued in arrival
/// order; fan-out to every host with a per-host timeout; host health; placement of nested labs.
/// </summary>
/// <remarks>
/// <para>Why the limit: libvirtd serves each client with at most <c>max_client_requests</c> (5 by default) calls at once and
/// holds further requests of that client unread; a client that keeps more calls in flight waits behind itself and, under
/// load, its keepalive answers too. The pool keeps every host below that.</para>
/// <para>Operations are synchronous libvirt code run on the thread pool, one slot each; a cancelled or timed-out caller
/// stops waiting, but an operation that started runs to its end (libvirt calls cannot be interrupted) and keeps its slot
/// until then, so a frozen host holds at most its limit of threads. A host whose connection broke fails fast with
/// <see cref="LibvirtConnectionLostException"/> until it is back. Thread-safe; dispose closes every connection.</para>
/// </remarks>
public sealed partial class LibvirtHostPool : IDisposable, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PooledHost> hosts = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly Lock orderLock = new();
    private readonly LibvirtHostPoolOptions options;
    private readonly ResiliencePipeline openPipeline;
    private volatile bool disposed;

    /// <summary>Creates a pool of <see cref="LibvirtHostPoolOptions.Hosts"/>; nothing is opened until a host is used.</summary>
    /// <param name="options">Hosts, limits, timeouts; <see langword="null"/> for an empty pool with the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">The limit is below 1, a timeout or delay is not positive, or the retries are negative.</exception>
    /// <exception cref="ArgumentException">A host URI is empty.</exception>
    public LibvirtHostPool(LibvirtHostPoolOptions? options = null)
    {
        this.options = options ?? new LibvirtHostPoolOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MaxConcurrentCallsPerHost, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(this.options.PerHostTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(this.options.OpenRetries, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(this.options.OpenRetryDelay, TimeSpan.Zero, nameof(options));
        openPipeline = this.options.OpenRetries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                // Only "cannot reach the daemon" is worth another try; a refused password or a bad URI is not.
                ShouldHandle = new PredicateBuilder().Handle<LibvirtConnectionFailedException>(),
                MaxRetryAttempts = this.options.OpenRetries,
                Delay = this.options.OpenRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            }).Build();
        foreach (var uri in this.options.Hosts)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(uri, nameof(options));
            Host(uri);
        }
    }

    /// <summary>Every host's URI, in the order they were configured or first used.</summary>
    public IReadOnlyList<string> Uris
    {
        get
        {
            lock (orderLock)
            {
                return [.. order];
            }
        }
    }

    /// <summary>The options the pool was created with.</summary>
    public LibvirtHostPoolOptions Options => options;

    /// <summary>Whether the host's connection is open and alive now (false before its first use and while it is being reopened).</summary>
    /// <param name="uri">The host's URI.</param>
    /// <returns>Whether it is connected.</returns>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public bool IsConnected(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ObjectDisposedException.ThrowIf(disposed, this);
        return hosts.TryGetValue(uri, out var host) && host.Connection is { IsConnected: true };
    }

    /// <summary>How many of the host's slots are held now, and how many callers wait for one.</summary>
    /// <param name="uri">The host's URI.</param>
    /// <returns>(running, queued); (0, 0) for a host the pool does not know.</returns>
    public (int Running, int Queued) GetLoad(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return hosts.TryGetValue(uri, out var host) ? (host.Gate.InUse, host.Gate.Queued) : (0, 0);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> against the host's connection on the thread pool once one of the host's slots is
    /// free (first come, first served), opening the connection first if it is not open yet.
    /// </summary>
    /// <typeparam name="T">The operation's result.</typeparam>
    /// <param name="uri">The host's URI; a URI the pool does not know yet is added.</param>
    /// <param name="operation">The libvirt work, e.g. <c>c =&gt; c.ListDomains().Count</c>; do not keep the connection beyond it.</param>
    /// <param name="cancellationToken">Stops waiting: for a slot, the open, or the operation (which then finishes unobserved; an <see cref="IDisposable"/> result is disposed).</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="ArgumentException"><paramref name="uri"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="LibvirtConnectionFailedException">The host cannot be reached (after <see cref="LibvirtHostPoolOptions.OpenRetries"/>).</exception>
    /// <exception cref="LibvirtAuthenticationException">The host refused the credentials.</exception>
    /// <exception cref="LibvirtConnectionLostException">The host's connection broke and is being reopened.</exception>
    /// <exception cref="LibvirtException">The operation failed in libvirt.</exception>
    public Task<T> RunAsync<T>(string uri, Func<LibvirtConnection, T> operation, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        ArgumentNullException.ThrowIfNull(operation);
        ObjectDisposedException.ThrowIf(disposed, this);
        return RunAsync(Host(uri), operation, null, cancellationToken);
    }

    /// <summary>Closes every host's connection (<c>virConnectClose</c>) and fails every queued call with <see cref="ObjectDisposedException"/>. Idempotent.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var host in hosts.Values)
        {
            host.Dispose();
        }
    }

    /// <summary>Closes every host's connection; see <see cref="Dispose"/>.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<T> RunAsync<T>(PooledHost host, Func<LibvirtConnection, T> operation, StrongBox<string>? phase, CancellationToken cancellationToken)
    {
        phase?.Value = "queued";
        await host.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task<T> work;
        var call = new AbandonableCall<T>();
        try
        {
            phase?.Value = "opening";
            var resilient = await host.GetAsync(cancellationToken).ConfigureAwait(false);
            var connection = resilient.Connection;
            phase?.Value = "running";
            work = Task.Run(() => operation(connection), CancellationToken.None);
        }
        catch
        {
            host.Gate.Release();
            throw;
        }

        // The slot is the operation's until it really ends, not until its caller stops waiting.
        _ = work.ContinueWith(
            static (finished, state) =>
            {
                var (gate, abandoned) = ((FairGate, AbandonableCall<T>))state!;
                gate.Release();
                abandoned.Finished(finished);
            },
            (host.Gate, call),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        try
        {
            return await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            call.Abandon(work);
            throw;
        }
    }

    private PooledHost Host(string uri)
    {
        if (hosts.TryGetValue(uri, out var known))
        {
            return known;
        }

        lock (orderLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (hosts.TryGetValue(uri, out known))
            {
                return known;
            }

            var host = new PooledHost(uri, options.MaxConcurrentCallsPerHost, options.Connection, openPipeline);
            hosts[uri] = host;
            order.Add(uri);
            return host;
        }
    }
}
