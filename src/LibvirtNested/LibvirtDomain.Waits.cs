using LibvirtNested.Interop;

namespace LibvirtNested;

/// <content>Waits for states, built on lifecycle events rather than polling.</content>
public sealed partial class LibvirtDomain
{
    /// <summary>
    /// Waits until the domain is in <paramref name="state"/> (<c>virDomainGetState</c>), woken by libvirt's lifecycle
    /// events (<c>virConnectDomainEventRegisterAny</c> with <c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>) instead of polling.
    /// </summary>
    /// <param name="state">The state to wait for, e.g. <see cref="DomainState.Running"/> or <see cref="DomainState.ShutOff"/>.</param>
    /// <param name="timeout">How long to wait: <see cref="TimeSpan.Zero"/> checks once, <see cref="Timeout.InfiniteTimeSpan"/> waits until <paramref name="cancellationToken"/> is cancelled.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The state and its reason, read after the domain reached it (at once if it was already there).</returns>
    /// <remarks>
    /// The subscription is registered before the current state is read, so a change that happens in between is seen;
    /// it is removed (<c>virConnectDomainEventDeregisterAny</c>) whichever way the wait ends. A transient domain
    /// that stops no longer exists: waiting for <see cref="DomainState.ShutOff"/> then returns shut off with the
    /// stop's reason, waiting for any other state throws <see cref="LibvirtNotFoundException"/>. Events are matched by
    /// the domain's name. Works after <see cref="Connection"/> was disposed (through the domain's own reference).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="TimeoutException">The domain was not in <paramref name="state"/> within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtNotFoundException">The domain no longer exists (and <paramref name="state"/> is not <see cref="DomainState.ShutOff"/>).</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt failed, e.g. the driver has no events.</exception>
    public async Task<DomainStateInfo> WaitForStateAsync(DomainState state, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = WaitDeadline.Start(timeout, cancellationToken);
        using var watcher = DomainEventWatcher.Start(this, DomainEventKinds.Lifecycle);
        try
        {
            return await watcher.WaitForStateAsync(state, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            throw new TimeoutException($"Domain '{watcher.DomainName}' was not {state} within {timeout} (it is {watcher.ReadState()}).");
        }
    }

    /// <summary>
    /// Shuts the guest down gracefully and waits until it is off: asks with <c>virDomainShutdownFlags</c>, waits for it
    /// to stop (lifecycle events, as <see cref="WaitForStateAsync"/>), and, if <see cref="DomainShutdownOptions.DestroyOnTimeout"/>
    /// says so, destroys it (<c>virDomainDestroy</c>) when it has not stopped within <paramref name="timeout"/>.
    /// </summary>
    /// <param name="timeout">How long the guest gets to shut down by itself.</param>
    /// <param name="options">The shutdown method and whether to destroy on timeout; the hypervisor's method and no destroy by default.</param>
    /// <param name="cancellationToken">
    /// Cancels the wait. It does not take back a shutdown request libvirt already has (the guest may still stop), and
    /// nothing is destroyed after cancellation.
    /// </param>
    /// <returns>Whether the domain was already off, shut down, or was destroyed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>, or the mode holds an unknown flag.</exception>
    /// <exception cref="TimeoutException">The guest did not stop within <paramref name="timeout"/> and <see cref="DomainShutdownOptions.DestroyOnTimeout"/> is off.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be registered.</exception>
    /// <exception cref="LibvirtException">libvirt refused the shutdown (e.g. a mode the driver lacks) or the destroy.</exception>
    public async Task<DomainShutdownOutcome> ShutdownAndWaitAsync(TimeSpan timeout, DomainShutdownOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DomainShutdownOptions();
        var flags = LibvirtFlags.DomainShutdown(options.Mode);
        using var deadline = WaitDeadline.Start(timeout, cancellationToken);
        using var watcher = DomainEventWatcher.Start(this, DomainEventKinds.Lifecycle);
        if (watcher.ReadState().State == DomainState.ShutOff)
        {
            return DomainShutdownOutcome.AlreadyShutOff;
        }

        try
        {
            await BlockingCall.RunAsync(() => ShutdownFlags(flags), cancellationToken).ConfigureAwait(false);
        }
        catch (LibvirtOperationInvalidException) when (watcher.ReadState().State == DomainState.ShutOff)
        {
            // It stopped between the read and the request ("domain is not running"): it shut off by itself.
            return DomainShutdownOutcome.ShutDown;
        }

        try
        {
            await watcher.WaitForStateAsync(DomainState.ShutOff, deadline.Token).ConfigureAwait(false);
            return DomainShutdownOutcome.ShutDown;
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            if (!options.DestroyOnTimeout)
            {
                throw new TimeoutException($"Domain '{watcher.DomainName}' did not shut down within {timeout} (it is {watcher.ReadState()}).");
            }
        }

        try
        {
            await BlockingCall.RunAsync(() => Destroy(), cancellationToken).ConfigureAwait(false);
        }
        catch (LibvirtOperationInvalidException) when (watcher.ReadState().State == DomainState.ShutOff)
        {
            // It finished shutting down just as the timeout passed.
            return DomainShutdownOutcome.ShutDown;
        }

        // virDomainDestroy returns once the guest is off; the wait only confirms it.
        await watcher.WaitForStateAsync(DomainState.ShutOff, cancellationToken).ConfigureAwait(false);
        return DomainShutdownOutcome.Destroyed;
    }

    private void ShutdownFlags(uint flags) =>
        LibvirtCall.Begin(nameof(Libvirt.virDomainShutdownFlags)).Check(Libvirt.virDomainShutdownFlags(Handle, flags));
}
