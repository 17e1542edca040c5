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

    /// <summary>Takes ownership of a reference libvirt returned inside an array (list calls).</summary>
    internal static ConnectHandle Own(nint reference)
    {
        var owned = new ConnectHandle();
        owned.SetHandle(reference);
        return owned;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Libvirt.virConnectClose(handle) >= 0;
}
