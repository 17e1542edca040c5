using System.Threading.Channels;

namespace LibvirtNested.Interop;

/// <summary>
/// One consumer of a connection's lifecycle events (<see cref="DomainLifecycleHub"/>): an optional domain-name
/// filter and a bounded channel; events that do not fit are counted, and the count reaches the consumer as an
/// <see cref="EventsLostEvent"/> just before the next event that fits.
/// </summary>
/// <remarks>
/// The channel holds <c>capacity + 1</c> items: up to <c>capacity</c> events plus room for the one marker, so the
/// marker never has to displace an event, and memory stays bounded whatever the consumer does.
/// </remarks>
internal sealed class DomainLifecycleSubscription : IDisposable
{
    private static long lateCallbacks;

    private readonly string? domainName;
    private readonly Channel<LibvirtEvent> channel;
    private readonly int capacity;
    private int deregistered;
    private int ended;
    private long lost;
    private long delivered;

    internal DomainLifecycleSubscription(DomainLifecycleHub hub, string? domainName, int capacity)
    {
        Hub = hub;
        this.domainName = domainName;
        this.capacity = capacity;
        channel = Channel.CreateBounded<LibvirtEvent>(new BoundedChannelOptions(capacity + 1)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Events for subscriptions already removed (a dispatch that had started; dropped; for tests).</summary>
    internal static long LateCallbacks => Interlocked.Read(ref lateCallbacks);

    /// <summary>The connection's registration this subscription belongs to.</summary>
    internal DomainLifecycleHub Hub { get; }

    /// <summary>Events written to the channel (those that matched the filter and fitted; markers not counted).</summary>
    internal long Delivered => Interlocked.Read(ref delivered);

    /// <summary>
    /// The item the stream yields after the channel's last one, when the subscription ended because the connection
    /// broke (<see cref="End"/>); held outside the bounded channel so that it always fits.
    /// </summary>
    internal LibvirtEvent? Final { get; private set; }

    /// <summary>The consumer's side.</summary>
    internal ChannelReader<LibvirtEvent> Reader => channel.Reader;

    /// <summary>Leaves the hub (the last one out deregisters in libvirt) and ends the reader; idempotent, never throws.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref deregistered, 1) != 0)
        {
            return;
        }

        Hub.Remove(this);
        channel.Writer.TryComplete();
    }

    /// <summary>
    /// Ends the stream without leaving the hub (the consumer's dispose does that): what the channel holds is still
    /// read, then <paramref name="final"/>. Idempotent; runs on the thread pool, beside the loop thread's writes, which
    /// the bounded channel serialises (a late write after completion is refused and dropped).
    /// </summary>
    internal void End(LibvirtEvent final)
    {
        if (Interlocked.Exchange(ref ended, 1) != 0)
        {
            return;
        }

        Final = final;
        channel.Writer.TryComplete();
    }

    /// <summary>Runs on the event loop thread only, so the loss counter has a single writer.</summary>
    internal void Deliver(string name, string uuid, DomainLifecycleEventType type, int detail, DateTimeOffset timestamp)
    {
        if (Volatile.Read(ref deregistered) != 0)
        {
            Interlocked.Increment(ref lateCallbacks);
            return;
        }

        if (domainName is not null && !string.Equals(name, domainName, StringComparison.Ordinal))
        {
            return;
        }

        var item = new DomainLifecycleEvent
        {
            DomainName = name,
            DomainUuid = uuid,
            Type = type,
            Detail = detail,
            Timestamp = timestamp,
        };
        Write(item);
    }

    /// <summary>
    /// Writes one event, or counts it as lost. Only the loop thread writes and the reader only takes items out, so
    /// the free room read here can only grow before the write.
    /// </summary>
    private void Write(LibvirtEvent item)
    {
        var held = channel.Reader.Count;
        if (held >= capacity)
        {
            lost++;
            return;
        }

        if (lost != 0)
        {
            // held < capacity, so the marker and the event both fit in the capacity + 1 slots.
            channel.Writer.TryWrite(new EventsLostEvent { Count = lost, Timestamp = item.Timestamp });
            lost = 0;
        }

        if (channel.Writer.TryWrite(item))
        {
            Interlocked.Increment(ref delivered);
        }
    }
}
