namespace LibvirtNested;

/// <summary>
/// The connection broke (libvirt called the <c>virConnectCloseFunc</c> registered with
/// <c>virConnectRegisterCloseCallback</c>): raised as <see cref="LibvirtConnection.Closed"/> and
/// <see cref="ResilientLibvirtConnection.Disconnected"/>, and the last item of every <c>Watch…Async</c> stream of
/// that connection (a <see cref="ResilientLibvirtConnection"/> stream goes on after it, with a
/// <see cref="ReconnectedEvent"/>).
/// </summary>
public sealed record ConnectionClosedEvent : LibvirtEvent
{
    /// <summary>Why libvirt closed it (<c>virConnectCloseReason</c>).</summary>
    public required LibvirtConnectionCloseReason Reason { get; init; }
}
