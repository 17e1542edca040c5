using LibvirtNested.Interop;

namespace LibvirtNested;

/// <content>The host's processors and memory.</content>
public sealed partial class LibvirtConnection
{
    /// <summary>The host's processors and memory (<c>virNodeGetInfo</c>, <c>virsh nodeinfo</c>).</summary>
    /// <returns>The facts.</returns>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public LibvirtNodeInfo GetNodeInfo() => LibvirtProxy.NodeInfo(Handle);

    /// <summary>
    /// The host's free memory in bytes (<c>virNodeGetFreeMemory</c>, <c>virsh freecell --all</c>), as the kernel counts it
    /// (MemFree: page cache is not free).
    /// </summary>
    /// <returns>The bytes free.</returns>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtUnsupportedOperationException">The driver does not report free memory.</exception>
    /// <exception cref="LibvirtException">libvirt failed; also when the driver counts nothing (the test driver with a custom node file answers 0, which libvirt reports as an error of no cause, code 1, domain 0).</exception>
    public ulong GetFreeMemoryBytes() => LibvirtProxy.NodeFreeMemory(Handle);
}
