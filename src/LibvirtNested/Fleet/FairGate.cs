namespace LibvirtNested.Fleet;

/// <summary>
/// A counting gate whose waiters are served strictly first come, first served: a released slot is handed to the oldest
/// waiter (never to a newcomer that arrives meanwhile), and a cancelled waiter leaves the queue without taking a slot.
/// </summary>
/// <remarks>
/// <see cref="SemaphoreSlim"/> does not promise an order, and its synchronous and asynchronous waiters overtake each
/// other; a busy host must not starve an early caller behind later ones, so the order is made explicit here.
/// </remarks>
internal sealed class FairGate : IDisposable
{
    private readonly Lock sync = new();
    private readonly LinkedList<Waiter> queue = new();
    private int available;
    private bool disposed;

    internal FairGate(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
        available = limit;
    }

    /// <summary>How many callers may hold a slot at once.</summary>
    internal int Limit { get; }

    /// <summary>Slots held now.</summary>
    internal int InUse
    {
        get
        {
            lock (sync)
            {
                return Limit - available;
            }
        }
    }

    /// <summary>Callers waiting for a slot now.</summary>
    internal int Queued
    {
        get
        {
            lock (sync)
            {
                return queue.Count;
            }
        }
    }

    /// <summary>Takes a slot, waiting behind every earlier caller.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the slot was handed over.</exception>
    /// <exception cref="ObjectDisposedException">The gate was disposed, before or during the wait.</exception>
    internal Task WaitAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<Waiter> node;
        lock (sync)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (available > 0 && queue.Count == 0)
            {
                available--;
                return Task.CompletedTask;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled(cancellationToken);
            }

            node = queue.AddLast(new Waiter());
        }

        if (cancellationToken.CanBeCanceled)
        {
            // Registered outside the lock: a token cancelled right now runs the callback on this thread.
            node.Value.Registration = cancellationToken.Register(static state => ((WaiterCancellation)state!).Cancel(), new WaiterCancellation(this, node, cancellationToken));
            if (node.Value.Signal.Task.IsCompleted)
            {
                node.Value.Registration.Dispose();
            }
        }

        return node.Value.Signal.Task;
    }

    /// <summary>Gives a slot back: to the oldest waiter if there is one.</summary>
    internal void Release()
    {
        Waiter next;
        lock (sync)
        {
            if (queue.First is not { } first)
            {
                if (available < Limit)
                {
                    available++;
                }

                return;
            }

            queue.RemoveFirst();
            next = first.Value;
        }

        next.Registration.Dispose();
        next.Signal.TrySetResult();
    }

    /// <summary>Fails every waiter with <see cref="ObjectDisposedException"/>; later waits throw it.</summary>
    public void Dispose()
    {
        Waiter[] waiting;
        lock (sync)
        {
            disposed = true;
            waiting = [.. queue];
            queue.Clear();
        }

        foreach (var waiter in waiting)
        {
            waiter.Registration.Dispose();
            waiter.Signal.TrySetException(new ObjectDisposedException(nameof(FairGate)));
        }
    }

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            // Already handed a slot (or failed by Dispose): the slot is the caller's, the cancellation comes too late.
            if (node.List is null)
            {
                return;
            }

            queue.Remove(node);
        }

        node.Value.Signal.TrySetCanceled(cancellationToken);
    }

    private sealed class Waiter
    {
        internal TaskCompletionSource Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal CancellationTokenRegistration Registration { get; set; }
    }

    private sealed record WaiterCancellation(FairGate Gate, LinkedListNode<Waiter> Node, CancellationToken Token)
    {
        internal void Cancel() => Gate.Cancel(Node, Token);
    }
}
