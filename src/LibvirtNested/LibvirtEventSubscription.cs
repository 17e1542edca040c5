using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>
/// A callback subscription (<see cref="LibvirtConnection.SubscribeDomainEvents(DomainEventKinds, string?, Action{LibvirtEvent})"/>,
/// …): the handler is called once per event, in libvirt's order, one call at a time, on a thread-pool thread — never
/// on libvirt's event loop thread, so a slow handler cannot stall other subscriptions and meets the same bounded buffer
/// and <see cref="EventsLostEvent"/> marker as a stream. Dispose to deregister (<c>virConnect…EventDeregisterAny</c>).
/// </summary>
public sealed class LibvirtEventSubscription : IDisposable
{
    private readonly EventSubscription subscription;

    internal LibvirtEventSubscription(EventSubscription subscription, Action<LibvirtEvent> handler)
    {
        this.subscription = subscription;
        Completion = Task.Run(() => PumpAsync(handler));
    }

    /// <summary>
    /// Completes when the subscription has ended and its handler will not be called again: after
    /// <see cref="Dispose"/> (successfully, once a call in progress has returned), or faulted with the handler's
    /// exception when the handler threw — a throwing handler ends its own subscription, and nothing else.
    /// </summary>
    public Task Completion { get; }

    /// <summary>The registration (tests read its counters).</summary>
    internal EventSubscription Inner => subscription;

    /// <summary>
    /// Deregisters in libvirt (the last subscription of a connection and event kind calls
    /// <c>virConnect…EventDeregisterAny</c>) and stops the handler: events still buffered are not delivered, a call
    /// in progress finishes (await <see cref="Completion"/> to know when). Idempotent; never throws.
    /// </summary>
    public void Dispose() => subscription.Dispose();

    private async Task PumpAsync(Action<LibvirtEvent> handler)
    {
        try
        {
            var reader = subscription.Reader;
            while (!subscription.IsDisposed && await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (!subscription.IsDisposed && reader.TryRead(out var item))
                {
                    handler(item);
                }
            }
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }
}
