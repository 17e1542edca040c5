using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>A libvirt <c>virConnectPtr, closed with virConnectClose (ref-counted)</c>.</summary>
internal sealed class ConnectHandle : SafeHandle
{
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

    /// <summary>Whether the handle returns an event loop lease when it is closed (<see cref="HoldEventLoopLease"/>).</summary>
    internal bool HoldsEventLoopLease { get; private set; }

    /// <summary>Takes over an event loop lease taken for this connection: keepalive and the socket watch need the loop while it is open.</summary>
    internal void HoldEventLoopLease() => HoldsEventLoopLease = true;

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

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        CloseCallback?.Unregister(handle);
        var closed = Libvirt.virConnectClose(handle) >= 0;
        if (HoldsEventLoopLease)
        {
            LibvirtEventLoop.Release();
        }

        return closed;
    }
}
