using System.Text;
using LibvirtNested.Interop;

namespace LibvirtNested.Tests.Waits;

/// <summary>
/// Emits the domain events the test driver never emits (device removed / removal failed, agent lifecycle) through the
/// native entry points libvirt would call, with the opaque of the connection's registration: a subscription of its own
/// joins the same per-connection hub the waits join, so every subscriber of that hub receives them.
/// </summary>
internal sealed unsafe class InjectedDomainEvents : IDisposable
{
    private readonly LibvirtEventWatch watch;
    private readonly Dictionary<string, EventHub> hubs;
    private readonly nint connection;
    private readonly nint domain;

    public InjectedDomainEvents(LibvirtConnection connection, LibvirtDomain domain)
    {
        watch = (LibvirtEventWatch)connection.WatchDomainEventsAsync(
            DomainEventKinds.DeviceRemoved | DomainEventKinds.DeviceRemovalFailed | DomainEventKinds.AgentLifecycle, domain.Name);
        hubs = watch.Subscription.Hubs.ToDictionary(h => h.Source.Name);
        this.connection = connection.Handle.DangerousGetHandle();
        this.domain = domain.Handle.DangerousGetHandle();
    }

    public void DeviceRemoved(string alias) => WithAlias("VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED", alias);

    public void DeviceRemovalFailed(string alias) => WithAlias("VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED", alias);

    /// <summary><c>virConnectDomainEventAgentLifecycleCallback</c>: state 1 connected, 2 disconnected; reason 2 channel event.</summary>
    public void AgentLifecycle(DomainAgentState state)
    {
        var hub = hubs["VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE"];
        ((delegate* unmanaged<nint, nint, int, int, nint, void>)hub.Source.Callback)(connection, domain, (int)state, 2, hub.Opaque);
    }

    public void Dispose() => watch.Subscription.Dispose();

    private void WithAlias(string eventId, string alias)
    {
        var hub = hubs[eventId];
        fixed (byte* text = Encoding.UTF8.GetBytes(alias + "\0"))
        {
            ((delegate* unmanaged<nint, nint, byte*, nint, void>)hub.Source.Callback)(connection, domain, text, hub.Opaque);
        }
    }
}
