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

    /// <summary>
    /// The close callback registered through this handle (connections the library opened), unregistered before the
    /// handle is closed: libvirt's registration holds a reference that would otherwise keep the connection open.
    /// </summary>
    internal ConnectionCloseCallback? CloseCallback { get; private set; }

    /// <summary>Whether the handle returns an event loop lease when it is closed.</summary>
    internal bool HoldsEventLoopLease => Volatile.Read(ref holdsEventLoop) != 0;

    /// <summary>
    /// Takes over the event loop lease taken before this connection was opened (keepalive needs the loop registered
    /// before the open); <see cref="HoldEventLoopIfUsed"/> then takes no second one.
    /// </summary>
    internal void HoldEventLoopLease() => Volatile.Write(ref holdsEventLoop, 1);

    /// <summary>Registers the connection's close callback (<c>virConnectRegisterCloseCallback</c>); once per handle.</summary>
    /// <exception cref="LibvirtException">libvirt refused the registration.</exception>
    internal ConnectionCloseCallback RegisterCloseCallback()
    {
        var added = false;
        DangerousAddRef(ref added);
        try
        {
            return CloseCallback = ConnectionCloseCallback.Register(this);
        }
        finally
        {
            DangerousRelease();
        }
    }

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
        CloseCallback?.Unregister(handle);
        var closed = Libvirt.virConnectClose(handle) >= 0;
        if (Interlocked.Exchange(ref holdsEventLoop, 0) != 0)
        {
            // After the close: libvirt removes the socket's watch from the loop as part of it.
            LibvirtEventLoop.Release();
        }

        return closed;
    }
}
