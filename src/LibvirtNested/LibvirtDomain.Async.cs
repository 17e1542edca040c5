using LibvirtNested.Interop;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <content>
/// Async forms of the calls that block on the daemon. Each runs its libvirt call on a thread-pool thread. Cancellation
/// before the call starts sends nothing. libvirt calls cannot be interrupted, so once libvirt has the request the call
/// runs to the end and its effect happens (the guest starts, stops, is undefined, …) even though the returned task is
/// cancelled at once; a result that arrives after the caller gave up is released, and a failure then is dropped.
/// </content>
public sealed partial class LibvirtDomain
{
    /// <summary>Starts the defined domain (<c>virDomainCreate</c>) without blocking the caller's thread.</summary>
    /// <param name="cancellationToken">Stops the wait; the start itself cannot be stopped once libvirt has it (see the remarks).</param>
    /// <returns>Completes when libvirt has started the domain.</returns>
    /// <remarks>Cancelled before the call starts: nothing is sent. Cancelled later: the domain may still start; the task is cancelled without waiting for it.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtOperationInvalidException">The domain is already running.</exception>
    /// <exception cref="LibvirtException">libvirt or the hypervisor failed; see <see cref="Start"/>.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => BlockingCall.RunAsync(Start, cancellationToken);

    /// <summary>
    /// Asks the guest to shut down (<c>virDomainShutdown</c>) without blocking the caller's thread; completes when libvirt
    /// has passed the request on, not when the guest is off (for that, <see cref="ShutdownAndWaitAsync"/>).
    /// </summary>
    /// <param name="cancellationToken">Stops the wait; a request libvirt already has is not taken back.</param>
    /// <returns>Completes when libvirt accepted the request.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Task ShutdownAsync(CancellationToken cancellationToken = default) => BlockingCall.RunAsync(Shutdown, cancellationToken);

    /// <summary>Asks the guest to reboot (<c>virDomainReboot</c>) without blocking the caller's thread.</summary>
    /// <param name="cancellationToken">Stops the wait; a request libvirt already has is not taken back.</param>
    /// <returns>Completes when libvirt accepted the request.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Task RebootAsync(CancellationToken cancellationToken = default) => BlockingCall.RunAsync(Reboot, cancellationToken);

    /// <summary>Stops the guest immediately (<c>virDomainDestroy</c>) without blocking the caller's thread.</summary>
    /// <param name="cancellationToken">Stops the wait; once libvirt has the request the guest is destroyed regardless.</param>
    /// <returns>Completes when the guest is off.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Task DestroyAsync(CancellationToken cancellationToken = default) => BlockingCall.RunAsync(Destroy, cancellationToken);

    /// <summary>Removes the persistent definition (<c>virDomainUndefineFlags</c>) without blocking the caller's thread.</summary>
    /// <param name="options">What else to remove or keep.</param>
    /// <param name="cancellationToken">Stops the wait; once libvirt has the request the definition is removed regardless.</param>
    /// <returns>Completes when the definition is gone.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtOperationInvalidException">The domain is transient, or has nvram / snapshots / managed save that <paramref name="options"/> does not cover.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Task UndefineAsync(DomainUndefineOptions options = DomainUndefineOptions.None, CancellationToken cancellationToken = default) =>
        BlockingCall.RunAsync(() => Undefine(options), cancellationToken);

    /// <summary>The state and its reason (<c>virDomainGetState</c>), read without blocking the caller's thread.</summary>
    /// <param name="cancellationToken">Stops the wait (the read is harmless if it completes anyway).</param>
    /// <returns>The state.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Task<DomainStateInfo> GetStateAsync(CancellationToken cancellationToken = default) => BlockingCall.RunAsync(GetState, cancellationToken);

    /// <summary>The persistent definition (<c>virDomainGetXMLDesc</c> with <c>VIR_DOMAIN_XML_INACTIVE</c>), read and parsed without blocking the caller's thread.</summary>
    /// <param name="options">Extra flags, e.g. <see cref="DomainXmlOptions.Secure"/>.</param>
    /// <param name="cancellationToken">Stops the wait (the read is harmless if it completes anyway).</param>
    /// <returns>The document.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds an unknown flag.</exception>
    /// <exception cref="LibvirtException">libvirt failed; see <see cref="GetInactiveXml"/>.</exception>
    public Task<DomainXml> GetInactiveXmlAsync(DomainXmlOptions options = DomainXmlOptions.None, CancellationToken cancellationToken = default) =>
        BlockingCall.RunAsync(() => GetInactiveXml(options), cancellationToken);

    /// <summary>The running guest's XML (<c>virDomainGetXMLDesc</c>), read and parsed without blocking the caller's thread.</summary>
    /// <param name="options">Extra flags, e.g. <see cref="DomainXmlOptions.Secure"/>.</param>
    /// <param name="cancellationToken">Stops the wait (the read is harmless if it completes anyway).</param>
    /// <returns>The document.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds an unknown flag.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Task<DomainXml> GetLiveXmlAsync(DomainXmlOptions options = DomainXmlOptions.None, CancellationToken cancellationToken = default) =>
        BlockingCall.RunAsync(() => GetLiveXml(options), cancellationToken);

    /// <summary>Attaches a typed device (<c>virDomainAttachDeviceFlags</c>) without blocking the caller's thread.</summary>
    /// <param name="device">The device; its element is sent.</param>
    /// <param name="scope">Live guest, persistent definition, or both.</param>
    /// <param name="cancellationToken">Stops the wait; once libvirt has the request the device may still be attached.</param>
    /// <returns>Completes when libvirt attached the device.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt refused the device; see <see cref="AttachDevice(string, DomainModificationScope)"/>.</exception>
    public Task AttachDeviceAsync(DomainDevice device, DomainModificationScope scope = DomainModificationScope.Current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);

        // Serialized on the caller's thread: the worker must not read an XML tree the caller may change meanwhile.
        var xml = device.Element.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
        return BlockingCall.RunAsync(() => AttachDevice(xml, scope), cancellationToken);
    }
}
