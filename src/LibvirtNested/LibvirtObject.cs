using System.Runtime.InteropServices;

namespace LibvirtNested;

/// <summary>
/// The base of the objects that own a reference to a libvirt object: <see cref="LibvirtDomain"/> (<c>virDomainPtr</c>),
/// <see cref="LibvirtNetwork"/> (<c>virNetworkPtr</c>), <see cref="LibvirtStoragePool"/> (<c>virStoragePoolPtr</c>) and
/// <see cref="LibvirtStorageVolume"/> (<c>virStorageVolPtr</c>). Disposing releases this reference (<c>vir*Free</c>);
/// it never changes the guest, network, pool or volume itself. Every member of a disposed object throws
/// <see cref="ObjectDisposedException"/>, except <see cref="Dispose()"/>, <see cref="IsDisposed"/> and <see cref="ToString"/>.
/// </summary>
/// <remarks>Only this library derives from it: the constructor is not accessible outside the assembly.</remarks>
public abstract class LibvirtObject : IDisposable
{
    private readonly SafeHandle handle;

    private protected LibvirtObject(SafeHandle handle)
    {
        this.handle = handle;
    }

    /// <summary>The object's name (<c>vir*GetName</c>).</summary>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public abstract string Name { get; }

    /// <summary>Whether <see cref="Dispose()"/> has released this reference.</summary>
    public bool IsDisposed => handle.IsClosed;

    /// <summary>What the object is, for <see cref="ToString"/> after disposal: <c>domain</c>, <c>network</c>, ….</summary>
    private protected abstract string Kind { get; }

    /// <summary>Releases this reference to the libvirt object (<c>vir*Free</c>); the object itself is not affected.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The object's name, or <c>(disposed domain)</c> and the like after disposal; never throws for a disposed object.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => handle.IsClosed ? $"(disposed {Kind})" : Name;

    /// <summary>Releases the handle; the handle itself is finalizable, so there is nothing to do without <paramref name="disposing"/>.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            handle.Dispose();
        }
    }

    /// <summary>The handle, for the calls of the derived type.</summary>
    /// <typeparam name="THandle">The derived type's handle type.</typeparam>
    /// <returns>The open handle.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    private protected THandle GuardedHandle<THandle>()
        where THandle : SafeHandle
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        return (THandle)handle;
    }
}
