using System.Threading.Channels;
using LibvirtNested.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LibvirtNested.Interop;

/// <summary>
/// One consumer of a connection's lifecycle events (<see cref="DomainLifecycleHub"/>): an optional domain-name
/// filter and a bounded channel; events that do not fit are counted and the count rides on the next one.
/// </summary>
internal sealed class DomainLifecycleSubscription : IDisposable
{
    /// <summary>The <c>libvirt.event</c> tag and log text of these events.</summary>
    internal const string EventKind = "domain.lifecycle";

    private static long lateCallbacks;

    private readonly string? domainName;
    private readonly Channel<DomainLifecycleEvent> channel;
    private readonly ILogger logger;
    private int deregistered;
    private long lost;
    private long delivered;

    internal DomainLifecycleSubscription(DomainLifecycleHub hub, string? domainName, int capacity, ILogger logger)
    {
        Hub = hub;
        this.logger = logger;
        this.domainName = domainName;
        channel = Channel.CreateBounded<DomainLifecycleEvent>(new BoundedChannelOptions(capacity)
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

    /// <summary>Events written to the channel (those that matched the filter and fitted).</summary>
    internal long Delivered => Interlocked.Read(ref delivered);

    /// <summary>The consumer's side.</summary>
    internal ChannelReader<DomainLifecycleEvent> Reader => channel.Reader;

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
            LostBefore = lost,
        };
        if (channel.Writer.TryWrite(item))
        {
            if (lost != 0)
            {
                // Once per run of losses, when it ends: a log line per dropped event would flood the log of a
                // service that is already too slow.
                LibvirtLog.EventsLost(logger, lost, EventKind);
            }

            lost = 0;
            Interlocked.Increment(ref delivered);
            LibvirtDiagnostics.EventDelivered(EventKind);
        }
        else
        {
            lost++;
            LibvirtDiagnostics.EventsLost(EventKind);
        }
    }
}
