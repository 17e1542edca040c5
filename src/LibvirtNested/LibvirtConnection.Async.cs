using LibvirtNested.Interop;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <content>
/// Async forms of the calls that block on the daemon: each runs its libvirt call on a thread-pool thread. Cancellation
/// before the call starts sends nothing. libvirt calls cannot be interrupted, so once libvirt has the request the call
/// runs to the end (the connection opens, the domain is defined) even though the returned task is cancelled at once;
/// the object it returns is then disposed (<c>virConnectClose</c>, <c>virDomainFree</c>), so giving up never leaks a handle.
/// </content>
public sealed partial class LibvirtConnection
{
    /// <summary>Opens a read-write connection (<c>virConnectOpen</c>) without blocking the caller's thread: a remote URI can take as long as the network and the daemon's authentication.</summary>
    /// <param name="uri">A libvirt URI such as <c>qemu+ssh://host/system</c>.</param>
    /// <param name="cancellationToken">
    /// Stops the wait. Once libvirt is connecting it finishes (or fails) on its own; a connection that opens after the
    /// caller gave up is closed at once.
    /// </param>
    /// <returns>The open connection.</returns>
    /// <exception cref="ArgumentException"><paramref name="uri"/> contains a NUL character.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 is not installed.</exception>
    /// <exception cref="LibvirtConnectionFailedException">The driver or daemon cannot be reached, or the URI is not valid.</exception>
    /// <exception cref="LibvirtAuthenticationException">The daemon refused the credentials.</exception>
    public static Task<LibvirtConnection> OpenAsync(string uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);

        // Refused on the caller's thread, like the synchronous form, not later in the task.
        CheckedUtf8StringMarshaller.EnsureNoNul(uri, nameof(uri));
        return BlockingCall.RunOwnedAsync(() => Open(uri), cancellationToken);
    }

    /// <summary>Defines (or redefines) a persistent domain (<c>virDomainDefineXMLFlags</c>) without blocking the caller's thread, validating it by default.</summary>
    /// <param name="domain">The definition (serialized on the caller's thread, so it may be changed once this returns).</param>
    /// <param name="options"><see cref="DomainDefineOptions.Validate"/> or <see cref="DomainDefineOptions.None"/>.</param>
    /// <param name="cancellationToken">
    /// Stops the wait. Once libvirt has the request the domain is defined regardless; the domain object that arrives
    /// after the caller gave up is disposed (the definition stays).
    /// </param>
    /// <returns>The defined domain.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt refused; see <see cref="DefineDomain(DomainXml, DomainDefineOptions)"/>.</exception>
    public Task<LibvirtDomain> DefineDomainAsync(DomainXml domain, DomainDefineOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return DefineDomainAsync(domain.ToXmlString(), options, cancellationToken);
    }

    /// <summary>Defines (or redefines) a persistent domain from XML text (<c>virDomainDefineXMLFlags</c>) without blocking the caller's thread.</summary>
    /// <param name="xml">A <c>&lt;domain&gt;</c> document.</param>
    /// <param name="options"><see cref="DomainDefineOptions.Validate"/> or <see cref="DomainDefineOptions.None"/>.</param>
    /// <param name="cancellationToken">Stops the wait; see <see cref="DefineDomainAsync(DomainXml, DomainDefineOptions, CancellationToken)"/>.</param>
    /// <returns>The defined domain.</returns>
    /// <exception cref="ArgumentException"><paramref name="xml"/> contains a NUL character.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt refused; see <see cref="DefineDomain(DomainXml, DomainDefineOptions)"/>.</exception>
    public Task<LibvirtDomain> DefineDomainAsync(string xml, DomainDefineOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(xml);
        CheckedUtf8StringMarshaller.EnsureNoNul(xml, nameof(xml));
        return BlockingCall.RunOwnedAsync(() => DefineDomain(xml, options), cancellationToken);
    }

    /// <summary>Looks up a domain by name (<c>virDomainLookupByName</c>) without blocking the caller's thread.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Stops the wait; a domain object that arrives after the caller gave up is disposed.</param>
    /// <returns>The domain.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="LibvirtNotFoundException">No domain has that name.</exception>
    public Task<LibvirtDomain> GetDomainAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckedUtf8StringMarshaller.EnsureNoNul(name, nameof(name));
        return BlockingCall.RunOwnedAsync(() => GetDomain(name), cancellationToken);
    }
}
