using LibvirtNested.Interop;

namespace LibvirtNested;

/// <content>Event subscriptions.</content>
public sealed partial class LibvirtConnection
{
    /// <summary>The buffer of <see cref="WatchDomainLifecycleAsync(string?, CancellationToken)"/>: events held for a slow consumer before counting losses.</summary>
    internal const int DefaultEventCapacity = 1024;

    /// <summary>
    /// Streams domain lifecycle events (defined, started, stopped, undefined, …) of one domain or of all:
    /// <c>virConnectDomainEventRegisterAny</c> with <c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>, delivered by the
    /// library's own libvirt event loop (<c>virEventRegisterDefaultImpl</c> + <c>virEventRunDefaultImpl</c> on a
    /// background thread, started on the first subscription), buffered for up to 1,024 events.
    /// </summary>
    /// <param name="domainName">Only this domain's events (matched by name, so a domain defined later is seen); <see langword="null"/> for every domain.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>
    /// The events in libvirt's order. The subscription is registered by this call (before the first read), and
    /// removed (<c>virConnectDomainEventDeregisterAny</c>) when the enumerator is disposed or cancelled; enumerate
    /// the result once, since a result that is never enumerated keeps its registration until the process ends.
    /// The elements are <see cref="DomainLifecycleEvent"/>s, and an <see cref="EventsLostEvent"/> marker where
    /// events were dropped because the consumer fell behind the buffer (the stream then continues).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="domainName"/> contains a NUL character.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the subscription (the driver has no events, the connection broke).</exception>
    /// <remarks>
    /// libvirt recommends registering its event loop before opening connections (remote connections decide at
    /// open time); the loop is registered on the first subscription, which is enough for local drivers.
    /// </remarks>
#pragma warning disable RS0027 // Both overloads are new together: no earlier shape a recompiled caller could silently switch from.
    public IAsyncEnumerable<LibvirtEvent> WatchDomainLifecycleAsync(string? domainName = null, CancellationToken cancellationToken = default) =>
        WatchDomainLifecycleAsync(domainName, DefaultEventCapacity, cancellationToken);
#pragma warning restore RS0027

    /// <summary>
    /// Streams domain lifecycle events like <see cref="WatchDomainLifecycleAsync(string?, CancellationToken)"/>,
    /// with a buffer of <paramref name="capacity"/> events.
    /// </summary>
    /// <param name="domainName">Only this domain's events; <see langword="null"/> for every domain.</param>
    /// <param name="capacity">How many events are held for a slow consumer before the next ones are counted as lost; at least 1.</param>
    /// <param name="cancellationToken">Ends the stream and the subscription.</param>
    /// <returns>The events, as for the other overload.</returns>
    /// <exception cref="ArgumentException"><paramref name="domainName"/> contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the subscription (<c>virConnectDomainEventRegisterAny</c>).</exception>
    public IAsyncEnumerable<LibvirtEvent> WatchDomainLifecycleAsync(string? domainName, int capacity, CancellationToken cancellationToken)
    {
        // A name with U+0000 can never equal a libvirt name (C strings end there): refused, like every string argument.
        CheckedUtf8StringMarshaller.EnsureNoNul(domainName, nameof(domainName));
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var subscription = DomainLifecycleHub.Subscribe(Handle, domainName, capacity);
        return new DomainLifecycleWatch(subscription, cancellationToken);
    }
}
