using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <content>Waiting for the QEMU guest agent.</content>
public sealed partial class LibvirtDomain
{
    /// <summary>The virtio channel name of the QEMU guest agent (<c>&lt;target type='virtio' name='org.qemu.guest_agent.0'/&gt;</c>).</summary>
    internal const string GuestAgentChannelName = "org.qemu.guest_agent.0";

    /// <summary>
    /// Waits until the QEMU guest agent in the guest is connected: first reads the agent channel's state from the live
    /// XML (<c>virDomainGetXMLDesc</c>, <c>&lt;target … state='connected'/&gt;</c>, which the qemu driver keeps current),
    /// then waits for <c>VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE</c> with state connected. The subscription is made before
    /// the read, so an agent that connects in between is seen.
    /// </summary>
    /// <param name="timeout">How long to wait: <see cref="TimeSpan.Zero"/> checks once, <see cref="Timeout.InfiniteTimeSpan"/> waits until cancelled.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Completes when the agent is connected; agent calls such as <see cref="GetInterfaceAddresses"/> with <see cref="DomainAddressSource.Agent"/> can then answer.</returns>
    /// <remarks>Useful after <see cref="Start"/>: the agent connects once the guest OS has booted and started qemu-guest-agent. Drivers without agent support (the test driver) never report it connected.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="InvalidOperationException">The domain has no guest agent channel, so no agent can ever connect.</exception>
    /// <exception cref="TimeoutException">The agent was not connected within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtEventLoopException">libvirt's event loop could not be set up.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public async Task WaitForGuestAgentAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = WaitDeadline.Start(timeout, cancellationToken);
        using var watcher = DomainEventWatcher.Start(this, DomainEventKinds.AgentLifecycle);
        var connected = IsGuestAgentConnected(GetLiveXml())
            ?? throw new InvalidOperationException(
                $"Domain '{watcher.DomainName}' has no guest agent channel (<channel type='unix'><target type='virtio' name='{GuestAgentChannelName}'/></channel>).");
        if (connected)
        {
            return;
        }

        try
        {
            await watcher.WaitForEventAsync(e => e is DomainAgentLifecycleEvent { State: DomainAgentState.Connected }, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            throw new TimeoutException($"The guest agent of domain '{watcher.DomainName}' did not connect within {timeout}.");
        }
    }

    /// <summary>Whether the live XML says the guest agent channel is connected; null when the domain has no such channel.</summary>
    internal static bool? IsGuestAgentConnected(DomainXml liveXml)
    {
        var channel = liveXml.Devices.OfType<DomainChannel>().FirstOrDefault(c => c.TargetName == GuestAgentChannelName);
        if (channel is null)
        {
            return null;
        }

        return string.Equals(channel.Element.Element("target")?.Attribute("state")?.Value, "connected", StringComparison.Ordinal);
    }
}
