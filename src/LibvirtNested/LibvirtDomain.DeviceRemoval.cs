using LibvirtNested.Interop;

namespace LibvirtNested;

/// <content>Detaching a device and waiting until the guest has released it.</content>
public sealed partial class LibvirtDomain
{
    /// <summary>
    /// Detaches the device with alias <paramref name="alias"/> (<c>virDomainDetachDeviceAlias</c>) and, for the running
    /// guest, completes only when libvirt reports it removed (<c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED</c> for that alias).
    /// libvirt's detach is asynchronous for a live guest: the call returns once the guest was asked, and the guest
    /// may take its time, refuse, or ignore the request.
    /// </summary>
    /// <param name="alias">The device's alias, as in the live XML's <c>&lt;alias name='…'/&gt;</c> (<see cref="Xml.Domain.DomainDevice.Alias"/> of a device read from <see cref="GetLiveXml"/>), e.g. <c>virtio-disk1</c> or a user alias <c>ua-…</c>.</param>
    /// <param name="timeout">How long the whole detach may take, counted from the call: the detach call itself is always waited for, then a removal reported by then (or before the rest of the timeout passes) completes it; <see cref="TimeSpan.Zero"/> accepts only a removal reported during the call.</param>
    /// <param name="scope">
    /// <see cref="DomainModificationScope.Live"/> (the default), <see cref="DomainModificationScope.Config"/>, both, or
    /// <see cref="DomainModificationScope.Current"/> (live if running). The persistent definition changes within the
    /// call; only a live detach waits for the event.
    /// </param>
    /// <param name="cancellationToken">
    /// Cancels the wait. It does not take back the request: a guest that was asked may still release the device later.
    /// </param>
    /// <returns>Completes when the device is gone from the running guest (or, for a definition-only detach, from the definition).</returns>
    /// <remarks>The subscription (<c>virConnectDomainEventRegisterAny</c>) is made before the detach call, so a removal reported during the call is not missed; it is removed however the wait ends.</remarks>
    /// <exception cref="ArgumentException"><paramref name="alias"/> is empty or contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>, or <paramref name="scope"/> holds an unknown flag.</exception>
    /// <exception cref="LibvirtDeviceRemovalException">libvirt reported <c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED</c> for the alias, or no removal within <paramref name="timeout"/> (<see cref="LibvirtDeviceRemovalException.TimedOut"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtNotFoundException">No device has that alias (<c>VIR_ERR_DEVICE_MISSING</c>).</exception>
    /// <exception cref="LibvirtUnsupportedOperationException">The driver cannot detach devices (the test driver).</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be set up.</exception>
    /// <exception cref="LibvirtException">libvirt or the hypervisor refused the detach.</exception>
    public Task DetachDeviceAndWaitAsync(string alias, TimeSpan timeout, DomainModificationScope scope = DomainModificationScope.Live, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(alias);
        CheckedUtf8StringMarshaller.EnsureNoNul(alias, nameof(alias));
        var flags = LibvirtFlags.DomainModification(scope);
        return DetachDeviceAndWaitCoreAsync(
            alias,
            timeout,
            scope,
            () => LibvirtCall.Begin(nameof(Libvirt.virDomainDetachDeviceAlias)).Check(Libvirt.virDomainDetachDeviceAlias(Handle, alias, flags)),
            cancellationToken);
    }

    /// <summary>The wait around <paramref name="detach"/> (the libvirt call; tests pass one that emits the events a hypervisor would).</summary>
    internal async Task DetachDeviceAndWaitCoreAsync(string alias, TimeSpan timeout, DomainModificationScope scope, Action detach, CancellationToken cancellationToken)
    {
        using var deadline = WaitDeadline.Start(timeout, cancellationToken);
        using var watcher = DomainEventWatcher.Start(this, DomainEventKinds.DeviceRemoved | DomainEventKinds.DeviceRemovalFailed);
        var live = (scope & DomainModificationScope.Live) != 0 || (scope == DomainModificationScope.Current && IsActive);
        try
        {
            // The request is always sent and waited for (the caller's token aside): giving up on a call libvirt is
            // already carrying out would report a timeout for a device that may be gone a moment later.
            await BlockingCall.RunAsync(detach, cancellationToken).ConfigureAwait(false);
            if (!live)
            {
                return;
            }

            var outcome = await watcher.WaitForEventAsync(
                e => e is DomainDeviceRemovedEvent removed && removed.DeviceAlias == alias
                    || e is DomainDeviceRemovalFailedEvent failed && failed.DeviceAlias == alias,
                deadline.Token).ConfigureAwait(false);
            if (outcome is DomainDeviceRemovalFailedEvent)
            {
                throw new LibvirtDeviceRemovalException(watcher.DomainName, alias, timeout: null);
            }
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            throw new LibvirtDeviceRemovalException(watcher.DomainName, alias, timeout);
        }
    }
}
