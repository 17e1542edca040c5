using System.Runtime.CompilerServices;

namespace LibvirtNested;

/// <summary>
/// One stream of a <see cref="ResilientLibvirtConnection"/>: a chain of <see cref="LibvirtConnection"/> streams, one per
/// connection (generation). The owner attaches a new stream to it on every reopen; the reader drains the current
/// stream to its end (the plain stream ends with the <see cref="ConnectionClosedEvent"/> when its connection breaks),
/// then takes the newest attached one, announcing it with a <see cref="ReconnectedEvent"/>.
/// </summary>
internal sealed class ResilientWatch : IAsyncEnumerable<LibvirtEvent>
{
    private readonly ResilientLibvirtConnection owner;
    private readonly Func<LibvirtConnection, CancellationToken, IAsyncEnumerable<LibvirtEvent>> subscribe;
    private readonly string? domainName;
    private readonly CancellationTokenSource stop;
    private readonly Lock gate = new();
    private TaskCompletionSource changed = NewSignal();
    private Attachment? pending;
    private long newestGeneration;
    private bool closed;
    private int enumerated;

    internal ResilientWatch(
        ResilientLibvirtConnection owner,
        Func<LibvirtConnection, CancellationToken, IAsyncEnumerable<LibvirtEvent>> subscribe,
        string? domainName,
        CancellationToken cancellationToken)
    {
        this.owner = owner;
        this.subscribe = subscribe;
        this.domainName = domainName;
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerator<LibvirtEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A resilient watch can be enumerated once; call Watch…Async again for another subscription.");
        }

        return Read(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>
    /// Subscribes on <paramref name="connection"/> and offers the stream to the reader; a stream for an older
    /// connection than one already offered is dropped. <paramref name="reconnected"/> is null for the connection that
    /// was current when the watch was created (no marker then). When the connection broke again meanwhile, the next
    /// reopen attaches.
    /// </summary>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop cannot be used in this process.</exception>
    internal void Attach(LibvirtConnection connection, long generation, ReconnectedEvent? reconnected)
    {
        IAsyncEnumerator<LibvirtEvent> stream;
        ReconnectedEvent? marker = null;
        try
        {
            stream = subscribe(connection, stop.Token).GetAsyncEnumerator(stop.Token);
        }
        catch (LibvirtException e) when (e is not LibvirtEventLoopException)
        {
            return;
        }
        catch (ObjectDisposedException)
        {
            // The connection was lost and disposed between the reopen and this attach.
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (reconnected is not null)
            {
                // After the registration, so the snapshot misses nothing the stream will not bring.
                marker = reconnected with { Domains = ResilientLibvirtConnection.Snapshot(connection, domainName) };
            }
        }
        catch (LibvirtException)
        {
            _ = stream.DisposeAsync().AsTask();
            return;
        }

        Attachment? superseded;
        TaskCompletionSource signal;
        lock (gate)
        {
            signal = Swap();
            if (closed || generation <= newestGeneration)
            {
                superseded = new Attachment(stream, null);
            }
            else
            {
                superseded = pending;
                pending = new Attachment(stream, marker);
                newestGeneration = generation;
            }
        }

        if (superseded is not null)
        {
            _ = superseded.Stream.DisposeAsync().AsTask();
        }

        signal.TrySetResult();
    }

    /// <summary>The owner was disposed: the stream ends (without an exception) once it drained what it holds.</summary>
    internal void Close()
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            closed = true;
            signal = Swap();
        }

        signal.TrySetResult();
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The reader finished already.
        }
    }

    private async IAsyncEnumerable<LibvirtEvent> Read([EnumeratorCancellation] CancellationToken enumeratorToken)
    {
        using var linked = enumeratorToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), stop);
        IAsyncEnumerator<LibvirtEvent>? stream = null;
        try
        {
            while (true)
            {
                var next = await NextAsync().ConfigureAwait(false);
                if (next is null)
                {
                    yield break;
                }

                stream = next.Stream;
                if (next.Reconnected is { } marker)
                {
                    yield return marker;
                }

                while (true)
                {
                    bool more;
                    try
                    {
                        more = await stream.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (IsClosed && !enumeratorToken.IsCancellationRequested)
                    {
                        // Disposing the owner cancels the inner stream; for the consumer that is the end, not an error.
                        yield break;
                    }

                    if (!more)
                    {
                        break;
                    }

                    yield return stream.Current;
                }

                // The connection broke (its close was the last item): leave its registration, wait for the next one.
                await stream.DisposeAsync().ConfigureAwait(false);
                stream = null;
            }
        }
        finally
        {
            Attachment? left;
            lock (gate)
            {
                closed = true;
                left = pending;
                pending = null;
            }

            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            if (left is not null)
            {
                await left.Stream.DisposeAsync().ConfigureAwait(false);
            }

            owner.Remove(this);
            stop.Dispose();
        }
    }

    private bool IsClosed
    {
        get
        {
            lock (gate)
            {
                return closed;
            }
        }
    }

    /// <summary>The next attached stream, or null once the watch is closed; cancelled with the watch's token.</summary>
    private async Task<Attachment?> NextAsync()
    {
        while (true)
        {
            Task signal;
            lock (gate)
            {
                if (closed)
                {
                    return null;
                }

                if (pending is { } next)
                {
                    pending = null;
                    return next;
                }

                signal = changed.Task;
            }

            try
            {
                await signal.WaitAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (IsClosed)
            {
                // Disposing the owner cancels the wait too: the end of the stream, not an error.
                return null;
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Replaces the signal (under the lock) and returns the old one, to be set outside it.</summary>
    private TaskCompletionSource Swap()
    {
        var signal = changed;
        changed = NewSignal();
        return signal;
    }

    private sealed record Attachment(IAsyncEnumerator<LibvirtEvent> Stream, ReconnectedEvent? Reconnected);
}
