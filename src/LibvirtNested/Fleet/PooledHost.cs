using Polly;

namespace LibvirtNested.Fleet;

/// <summary>One host of the pool: its gate, and its one <see cref="ResilientLibvirtConnection"/>, opened on first use.</summary>
internal sealed class PooledHost : IDisposable
{
    private readonly LibvirtConnectionOptions options;
    private readonly ResiliencePipeline openPipeline;
    private readonly CancellationTokenSource disposing = new();
    private readonly Lock sync = new();
    private Task<ResilientLibvirtConnection>? opening;
    private ResilientLibvirtConnection? connection;
    private bool disposed;

    internal PooledHost(string uri, int limit, LibvirtConnectionOptions options, ResiliencePipeline openPipeline)
    {
        Uri = uri;
        Gate = new FairGate(limit);
        this.options = options;
        this.openPipeline = openPipeline;
    }

    internal string Uri { get; }

    internal FairGate Gate { get; }

    /// <summary>The connection if it was opened; null before the first successful open.</summary>
    internal ResilientLibvirtConnection? Connection
    {
        get
        {
            lock (sync)
            {
                return connection;
            }
        }
    }

    /// <summary>The host's connection, opening it (once, shared by every caller) when there is none yet.</summary>
    /// <exception cref="OperationCanceledException">The caller gave up; the open goes on for the next caller.</exception>
    /// <exception cref="LibvirtException">The open failed after its retries; the next call tries again.</exception>
    internal Task<ResilientLibvirtConnection> GetAsync(CancellationToken cancellationToken)
    {
        Task<ResilientLibvirtConnection> task;
        lock (sync)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (connection is not null)
            {
                return Task.FromResult(connection);
            }

            task = opening ??= OpenAsync();
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>Closes the connection (<c>virConnectClose</c>) and fails every waiter; an open still running is closed when it completes.</summary>
    public void Dispose()
    {
        ResilientLibvirtConnection? open;
        lock (sync)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            open = connection;
            connection = null;
        }

        disposing.Cancel();
        Gate.Dispose();
        open?.Dispose();
    }

    private async Task<ResilientLibvirtConnection> OpenAsync()
    {
        try
        {
            // One open for every waiting caller, bound to the pool's lifetime rather than to any one caller's patience.
            var opened = await openPipeline.ExecuteAsync(
                static (host, token) => new ValueTask<ResilientLibvirtConnection>(Task.Run(() => ResilientLibvirtConnection.Open(host.Uri, host.options), token)),
                this,
                disposing.Token).ConfigureAwait(false);
            lock (sync)
            {
                if (!disposed)
                {
                    connection = opened;
                    opening = null;
                    return opened;
                }
            }

            opened.Dispose();
            throw new ObjectDisposedException(nameof(LibvirtHostPool));
        }
        catch (Exception)
        {
            lock (sync)
            {
                opening = null;
            }

            throw;
        }
    }
}
