using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>A libvirt <c>virDomainPtr, released with virDomainFree</c>.</summary>
internal sealed class DomainHandle : SafeHandle
{
    /// <summary>Called by the marshaller for a returned pointer.</summary>
    public DomainHandle()
        : base(0, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>Takes ownership of a reference libvirt returned inside an array (list calls).</summary>
    internal static DomainHandle Own(nint reference)
    {
        var owned = new DomainHandle();
        owned.SetHandle(reference);
        return owned;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Libvirt.virDomainFree(handle) >= 0;
}
