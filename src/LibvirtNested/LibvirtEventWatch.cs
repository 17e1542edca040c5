using System.Runtime.CompilerServices;
using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>
/// The stream every <c>Watch…Async</c> method returns: the registration exists from the call on (no event between
/// the call and the first read is missed) and ends when the enumerator is disposed or its token is cancelled.
/// Enumerable once.
/// </summary>
internal sealed class LibvirtEventWatch(EventSubscription subscription, CancellationToken cancellationToken)
    : IAsyncEnumerable<LibvirtEvent>
{
    private int enumerated;

    /// <summary>The registration (tests read its counters).</summary>
    internal EventSubscription Subscription => subscription;

    /// <inheritdoc/>
    public IAsyncEnumerator<LibvirtEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref enumerated, 1) != 0)
        {
            throw new InvalidOperationException("An event watch can be enumerated once; call the Watch…Async method again for another subscription.");
        }

        return new Enumerator(subscription, Read(cancellationToken).GetAsyncEnumerator(cancellationToken));
    }

    private async IAsyncEnumerable<LibvirtEvent> Read([EnumeratorCancellation] CancellationToken enumeratorToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, enumeratorToken);
        var reader = subscription.Reader;
        while (await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
        {
            // The token is checked before every item, not only when the buffer runs dry: a consumer that cancels
            // stops at once, instead of draining whatever the loop thread buffered meanwhile.
            while (!linked.Token.IsCancellationRequested && reader.TryRead(out var item))
            {
                yield return item;
            }

            linked.Token.ThrowIfCancellationRequested();
        }

        // The connection broke: the close comes last, after every event the channel held.
        if (subscription.Final is { } final)
        {
            yield return final;
        }
    }

    /// <summary>Deregisters on dispose even when no element was ever requested (an iterator's finally would not run then).</summary>
    private sealed class Enumerator(EventSubscription subscription, IAsyncEnumerator<LibvirtEvent> inner)
        : IAsyncEnumerator<LibvirtEvent>
    {
        public LibvirtEvent Current => inner.Current;

        public async ValueTask<bool> MoveNextAsync()
        {
            try
            {
                return await inner.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Cancelling ends the subscription at once, not only when the caller gets round to disposing.
                subscription.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                subscription.Dispose();
            }
        }
    }
}
