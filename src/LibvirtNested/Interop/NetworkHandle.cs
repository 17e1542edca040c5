using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>A libvirt <c>virNetworkPtr, released with virNetworkFree</c>.</summary>
internal sealed class NetworkHandle : SafeHandle
{
    /// <summary>Called by the marshaller for a returned pointer.</summary>
    public NetworkHandle()
        : base(0, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>Takes ownership of a reference libvirt returned inside an array (list calls).</summary>
    internal static NetworkHandle Own(nint reference)
    {
        var owned = new NetworkHandle();
        owned.SetHandle(reference);
        return owned;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Libvirt.virNetworkFree(handle) >= 0;
}
