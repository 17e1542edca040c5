using System.Threading.Channels;
using LibvirtNested.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibvirtNested.Interop;

/// <summary>
/// One consumer of a connection's events: the <see cref="EventHub"/>s it joined (one per event kind), an optional
/// object-name filter and a bounded channel. Events that do not fit are counted, and the count reaches the consumer
/// as an <see cref="EventsLostEvent"/> just before the next event that fits.
/// </summary>
/// <remarks>
/// The channel holds <c>capacity + 1</c> items: up to <c>capacity</c> events plus room for the one marker, so the
/// marker never has to displace an event and memory stays bounded whatever the consumer does. Writes take a private
/// lock: libvirt dispatches on the loop thread, but the loss counter must stay right whoever calls.
/// </remarks>
internal sealed class EventSubscription : IDisposable
{
    private static long lateCallbacks;

    private readonly Lock gate = new();
    private readonly string? objectName;
    private readonly int capacity;
    private readonly Channel<LibvirtEvent> channel;
    private readonly ILogger logger;
    private IReadOnlyList<EventHub> hubs = [];
    private ConnectionCloseCallback? closeCallback;
    private int disposed;
    private int ended;
    private long lost;
    private long delivered;

    private EventSubscription(string? objectName, int capacity, ILogger logger)
    {
        this.objectName = objectName;
        this.logger = logger;
        this.capacity = capacity;
        channel = Channel.CreateBounded<LibvirtEvent>(new BoundedChannelOptions(capacity + 1)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Events for subscriptions already removed (a dispatch that had started; dropped; for tests).</summary>
    internal static long LateCallbacks => Interlocked.Read(ref lateCallbacks);

    /// <summary>The registrations this subscription belongs to, one per event kind.</summary>
    internal IReadOnlyList<EventHub> Hubs => hubs;

    /// <summary>Events written to the channel (those that matched the filter and fitted; markers not counted).</summary>
    internal long Delivered => Interlocked.Read(ref delivered);

    /// <summary>
    /// The item the stream yields after the channel's last one, when the subscription ended because the connection
    /// broke (<see cref="End"/>); held outside the bounded channel so that it always fits.
    /// </summary>
    internal LibvirtEvent? Final { get; private set; }

    /// <summary>The consumer's side.</summary>
    internal ChannelReader<LibvirtEvent> Reader => channel.Reader;

    /// <summary>Whether the subscription was disposed (it receives nothing more).</summary>
    internal bool IsDisposed => Volatile.Read(ref disposed) != 0;

    /// <summary>Subscribes to <paramref name="sources"/> on <paramref name="connection"/>; events flow from this call on.</summary>
    /// <exception cref="LibvirtEventLoopException">The event loop could not be set up.</exception>
    /// <exception cref="LibvirtException">libvirt refused a registration.</exception>
    internal static EventSubscription Subscribe(
        ConnectHandle connection, IReadOnlyList<EventSource> sources, string? objectName, int capacity, ILogger? logger = null)
    {
        var subscription = new EventSubscription(objectName, capacity, logger ?? NullLogger.Instance);
        subscription.hubs = EventHub.Join(connection, sources, subscription);

        // Runs at once when the connection broke already, so a stream never waits on a dead connection.
        subscription.closeCallback = connection.CloseCallback;
        subscription.closeCallback?.Add(subscription.OnConnectionClosed);
        return subscription;
    }

    /// <summary>Leaves every hub (the last one out of a hub deregisters it in libvirt) and ends the reader; idempotent, never throws.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        closeCallback?.Remove(OnConnectionClosed);
        EventHub.Leave(hubs, this);
        channel.Writer.TryComplete();
    }

    /// <summary>
    /// Ends the stream without leaving the hubs (the consumer's dispose does that): what the channel holds is still
    /// read, then <paramref name="final"/>. Idempotent; a write racing with it is refused by the completed channel.
    /// </summary>
    internal void End(LibvirtEvent final)
    {
        if (Interlocked.Exchange(ref ended, 1) != 0)
        {
            return;
        }

        lock (gate)
        {
            Final = final;
            channel.Writer.TryComplete();
        }
    }

    /// <summary>The connection broke (<c>virConnectRegisterCloseCallback</c>): the stream ends with the close.</summary>
    private void OnConnectionClosed(object? sender, ConnectionClosedEvent closed) => End(closed);

    /// <summary>Takes an event if it passes the filter: buffered, or counted as lost when the buffer is full.</summary>
    /// <param name="item">The decoded event.</param>
    /// <param name="name">The object's name, for the filter.</param>
    /// <param name="kind">The <see cref="EventSource.Tag"/> of the metrics and logs.</param>
    internal void Offer(LibvirtEvent item, string name, string kind)
    {
        if (IsDisposed)
        {
            Interlocked.Increment(ref lateCallbacks);
            return;
        }

        if (objectName is not null && !string.Equals(name, objectName, StringComparison.Ordinal))
        {
            return;
        }

        long endedLoss = 0;
        var full = false;
        var written = false;
        lock (gate)
        {
            // The reader only takes items out, so the room seen here can only grow before the writes below.
            if (channel.Reader.Count >= capacity)
            {
                lost++;
                full = true;
            }
            else
            {
                if (lost != 0)
                {
                    // Fewer than capacity items held, so the marker and the event both fit in the capacity + 1 slots.
                    channel.Writer.TryWrite(new EventsLostEvent { Count = lost, Timestamp = item.Timestamp });
                    endedLoss = lost;
                    lost = 0;
                }

                written = channel.Writer.TryWrite(item);
            }
        }

        // Metrics and the log run outside the lock (on libvirt's loop thread): a slow logger must not hold the gate.
        if (full)
        {
            LibvirtDiagnostics.EventsLost(kind);
            return;
        }

        if (endedLoss != 0)
        {
            // Logged once per run of losses, when it ends: a line per dropped event would flood the log of a
            // service that is already too slow.
            LibvirtLog.EventsLost(logger, endedLoss, kind);
        }

        if (written)
        {
            Interlocked.Increment(ref delivered);
            LibvirtDiagnostics.EventDelivered(kind);
        }
    }
}
