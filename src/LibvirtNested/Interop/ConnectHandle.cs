using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>A libvirt <c>virConnectPtr, closed with virConnectClose (ref-counted)</c>.</summary>
internal sealed class ConnectHandle : SafeHandle
{
    private int holdsEventLoop;

    /// <summary>Called by the marshaller for a returned pointer.</summary>
    public ConnectHandle()
        : base(0, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>Takes ownership of a reference libvirt returned inside an array (list calls).</summary>
    internal static ConnectHandle Own(nint reference)
    {
        var owned = new ConnectHandle();
        owned.SetHandle(reference);
        return owned;
    }

    /// <summary>
    /// Takes a lease on the event loop for the life of this reference when libvirt put the connection's socket in the
    /// loop: a connection opened once an event implementation is registered answers the daemon's keepalive pings and
    /// receives its events there, so the loop must run while it is open, even with no subscription (libvirt: "failure
    /// to do so may result in connections being closed unexpectedly as a result of keepalive timeout"). The in-process
    /// test driver has no socket and holds none.
    /// </summary>
    internal void HoldEventLoopIfUsed()
    {
        if (!LibvirtEventLoop.ImplementationRegistered || IsInvalid)
        {
            return;
        }

        var uri = Libvirt.virConnectGetURI(this);
        if (uri is null)
        {
            LibvirtError.TakeLast();
        }

        if (LibvirtEventLoop.UsesLoop(uri) && Interlocked.Exchange(ref holdsEventLoop, 1) == 0)
        {
            LibvirtEventLoop.Acquire();
        }
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        var closed = Libvirt.virConnectClose(handle) >= 0;
        if (Interlocked.Exchange(ref holdsEventLoop, 0) != 0)
        {
            // After the close: libvirt removes the socket's watch from the loop as part of it.
            LibvirtEventLoop.Release();
        }

        return closed;
    }
}
