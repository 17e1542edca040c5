using LibvirtNested.Diagnostics;
using LibvirtNested.Interop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibvirtNested;

/// <summary>
/// A connection to a libvirt driver (<c>virConnectPtr</c>): <c>test:///default</c>, <c>qemu:///system</c>,
/// <c>qemu+ssh://host/system</c>, ….
/// </summary>
/// <remarks>
/// <para>Thread safety: libvirt connections are thread-safe, so one <see cref="LibvirtConnection"/> may be used
/// from many threads at once, as may the domain, network and storage objects obtained from it. libvirt's error
/// state is per thread and this library reads it on the failing thread before returning, so each exception
/// describes the caller's own failure. Object handles are reference-counted by libvirt: a
/// <see cref="LibvirtDomain"/> (network, pool, volume) stays usable after its connection object is disposed, its
/// <see cref="LibvirtDomain.Edit"/> included, and libvirt closes the connection only when no object holds it any
/// more. The connection object's own methods throw <see cref="ObjectDisposedException"/> after disposal.</para>
/// <para><see cref="EditDomain(string, Action{LibvirtNested.Xml.Domain.DomainXml}, EditOptions?)"/> serialises edits of
/// one domain inside the process and detects other processes' writes (see there). Not synchronized:
/// <see cref="Dispose"/> racing with calls on other threads, and read-modify-write sequences a caller builds
/// from separate calls (read XML, then define).</para>
/// </remarks>
public sealed partial class LibvirtConnection : IDisposable
{
    private readonly ConnectHandle handle;
    private readonly string? openedUri;
    private readonly long errorLog;
    private string? identity;
    private volatile bool lost;

    private LibvirtConnection(ConnectHandle handle, ILogger? logger = null, string? openedUri = null)
    {
        this.handle = handle;
        handle.HoldEventLoopIfUsed();
        this.openedUri = openedUri;
        Logger = logger ?? NullLogger.Instance;
        if (logger is not null)
        {
            // Logged first: a logger that throws (as Microsoft.Extensions.Logging lets a provider's exception through) then
            // leaves no handler registered for a connection object the caller never got.
            LibvirtLog.ConnectionOpened(logger, openedUri ?? string.Empty);
            errorLog = ConnectionErrorLog.Attach(handle, logger);
        }

        if (handle.CloseCallback is { } closeCallback)
        {
            closeCallback.Owner = new(this);
        }
    }

    /// <summary>Opens a read-write connection (<c>virConnectOpen</c>).</summary>
    /// <param name="uri">A libvirt URI such as <c>test:///default</c> or <c>qemu:///system</c>.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 is not installed.</exception>
    /// <exception cref="LibvirtConnectionFailedException">The driver or daemon cannot be reached, or the URI is not valid.</exception>
    /// <exception cref="LibvirtAuthenticationException">The daemon refused the credentials.</exception>
    /// <exception cref="LibvirtEventLoopException">Keepalive needs libvirt's event loop and it could not be registered.</exception>
    /// <remarks>Uses the default <see cref="LibvirtConnectionOptions"/>: keepalive on for connections through a daemon, no logging.</remarks>
#pragma warning disable RS0026 // Open(string) shipped; the options overload is new and has no optional parameter a caller could trip over.
    public static LibvirtConnection Open(string uri) => Open(uri, null);
#pragma warning restore RS0026

    /// <summary>
    /// Opens a read-write connection (<c>virConnectOpen</c>) the way <paramref name="options"/> asks: keepalive
    /// (<c>virConnectSetKeepAlive</c>, on by default for every URI served by a daemon), the connection's close
    /// callback (<c>virConnectRegisterCloseCallback</c>) and a logger.
    /// </summary>
    /// <param name="uri">A libvirt URI such as <c>test:///default</c> or <c>qemu:///system</c>.</param>
    /// <param name="options">Keepalive, logging and other settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The keepalive interval is negative or not whole seconds, or the count is negative.</exception>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 is not installed.</exception>
    /// <exception cref="LibvirtEventLoopException">Keepalive needs libvirt's event loop and it could not be registered.</exception>
    /// <exception cref="LibvirtConnectionFailedException">The driver or daemon cannot be reached, or the URI is not valid.</exception>
    /// <exception cref="LibvirtAuthenticationException">The daemon refused the credentials.</exception>
    /// <exception cref="LibvirtException">libvirt refused the keepalive settings or the close callback.</exception>
    public static LibvirtConnection Open(string uri, LibvirtConnectionOptions? options)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return Open(uri, options, watchSocket: false);
    }

    /// <summary>
    /// <see cref="Open(string, LibvirtConnectionOptions?)"/>; <paramref name="watchSocket"/> keeps libvirt's event loop
    /// running for a daemon's connection even without keepalive, so that its end-of-file is noticed without a call.
    /// </summary>
    internal static LibvirtConnection Open(string uri, LibvirtConnectionOptions? options, bool watchSocket)
    {
        var keepAlive = KeepAliveSettings.From(options);
        var logger = options?.LoggerFactory?.CreateLogger(LibvirtLog.Category);
        Libvirt.EnsureInitialized();
        var lease = keepAlive.AcquireEventLoop(uri, watchSocket);
        return Opened(() => OpenHandle(uri, logger), uri, keepAlive, lease, logger);
    }

    /// <summary>Opens a read-only connection (<c>virConnectOpenReadOnly</c>): queries work, changes fail.</summary>
    /// <param name="uri">A libvirt URI.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 is not installed.</exception>
    /// <exception cref="LibvirtConnectionFailedException">The driver or daemon cannot be reached, or the URI is not valid.</exception>
    public static LibvirtConnection OpenReadOnly(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var keepAlive = KeepAliveSettings.From(null);
        Libvirt.EnsureInitialized();
        var lease = keepAlive.AcquireEventLoop(uri, watchSocket: false);
        return Opened(
            () => LibvirtCall.BeginOpen(nameof(Libvirt.virConnectOpenReadOnly)).Check(Libvirt.virConnectOpenReadOnly(uri), opening: true), uri, keepAlive, lease, null);
    }

    /// <summary>
    /// Opens a connection with <c>virConnectOpenAuth</c>, answering libvirt's credential prompts (user name,
    /// password, passphrase, …) through <paramref name="callback"/>.
    /// </summary>
    /// <param name="uri">A libvirt URI, usually remote (<c>qemu+tcp://host/system</c>).</param>
    /// <param name="callback">Fills <see cref="LibvirtCredential.Result"/> of each prompt; returns false to cancel.</param>
    /// <param name="access">Read-write (the default) or read-only (<c>VIR_CONNECT_RO</c>).</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 is not installed.</exception>
    /// <exception cref="LibvirtAuthenticationException">Authentication failed or the callback cancelled it.</exception>
    /// <exception cref="LibvirtConnectionFailedException">The daemon cannot be reached.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="access"/> is not a defined value.</exception>
    public static LibvirtConnection OpenAuthenticated(string uri, LibvirtCredentialCallback callback, LibvirtConnectionAccess access = LibvirtConnectionAccess.ReadWrite)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(callback);
        var keepAlive = KeepAliveSettings.From(null);
        Libvirt.EnsureInitialized();
        var lease = keepAlive.AcquireEventLoop(uri, watchSocket: false);
        return Opened(() => LibvirtAuth.Open(uri, callback, LibvirtFlags.ConnectOpen(access)), uri, keepAlive, lease, null);
    }

    /// <summary>Opens a connection answering user-name prompts with <paramref name="userName"/> and password prompts with <paramref name="password"/>.</summary>
    /// <param name="uri">A libvirt URI.</param>
    /// <param name="userName">Answer to <c>VIR_CRED_AUTHNAME</c>/<c>VIR_CRED_USERNAME</c>.</param>
    /// <param name="password">Answer to <c>VIR_CRED_PASSPHRASE</c>/<c>VIR_CRED_NOECHOPROMPT</c>.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="ArgumentException">A string contains a NUL character.</exception>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 is not installed.</exception>
    /// <exception cref="LibvirtAuthenticationException">Authentication failed.</exception>
    /// <exception cref="LibvirtConnectionFailedException">The daemon cannot be reached.</exception>
    public static LibvirtConnection OpenAuthenticated(string uri, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);

        // Refused now, not only if the driver happens to ask for them.
        CheckedUtf8StringMarshaller.EnsureNoNul(userName, nameof(userName));
        CheckedUtf8StringMarshaller.EnsureNoNul(password, nameof(password));
        return OpenAuthenticated(uri, credentials =>
        {
            foreach (var credential in credentials)
            {
                credential.Result = credential.Type switch
                {
                    LibvirtCredentialType.UserName or LibvirtCredentialType.AuthName => userName,
                    LibvirtCredentialType.Passphrase or LibvirtCredentialType.NoEchoPrompt => password,
                    _ => credential.DefaultResult,
                };
            }

            return true;
        });
    }

    /// <summary>The canonical URI of this connection (<c>virConnectGetURI</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Uri Uri => new(LibvirtCall.Begin(nameof(Libvirt.virConnectGetURI)).CheckString(Libvirt.virConnectGetURI(Handle)));

    /// <summary>The host name of the hypervisor host (<c>virConnectGetHostname</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string HostName => LibvirtCall.Begin(nameof(Libvirt.virConnectGetHostname)).CheckString(Libvirt.virConnectGetHostname(Handle));

    /// <summary>The driver name, e.g. <c>Test</c> or <c>QEMU</c> (<c>virConnectGetType</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string DriverType
    {
        get => LibvirtCall.Begin(nameof(Libvirt.virConnectGetType)).CheckString(Libvirt.virConnectGetType(Handle));
    }

    /// <summary>The libvirt version the driver runs (the daemon's for remote URIs; <c>virConnectGetLibVersion</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Version LibvirtVersion
    {
        get
        {
            LibvirtCall.Begin(nameof(Libvirt.virConnectGetLibVersion)).Check(Libvirt.virConnectGetLibVersion(Handle, out var version));
            return DecodeVersion(version);
        }
    }

    /// <summary>The hypervisor's version, e.g. QEMU's (<c>virConnectGetVersion</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Version HypervisorVersion
    {
        get
        {
            LibvirtCall.Begin(nameof(Libvirt.virConnectGetVersion)).Check(Libvirt.virConnectGetVersion(Handle, out var version));
            return DecodeVersion(version);
        }
    }

    /// <summary>Whether the connection is still usable (<c>virConnectIsAlive</c>); false after disposal or when a remote daemon went away.</summary>
    public bool IsAlive
    {
        get
        {
            if (handle.IsClosed)
            {
                return false;
            }

            var call = LibvirtCall.Begin(nameof(Libvirt.virConnectIsAlive));
            var alive = Libvirt.virConnectIsAlive(Handle);
            if (alive < 0)
            {
                call.TakeError();
            }
            else
            {
                call.Succeeded();
            }

            return alive == 1;
        }
    }

    /// <summary>Where this connection logs (<see cref="LibvirtConnectionOptions.LoggerFactory"/>); a null logger when none was given.</summary>
    internal ILogger Logger { get; private init; }

    /// <summary>Whether this connection object was disposed.</summary>
    internal bool IsClosed => handle.IsClosed;

    /// <summary>
    /// Which hypervisor this connection talks to, for keys that must be equal for every connection to it: the
    /// canonical URI and the host name (read once; two libvirt calls).
    /// </summary>
    internal string Identity => identity ??= $"{Uri}|{HostName}";

    /// <summary>The native handle, for this library's objects.</summary>
    internal ConnectHandle Handle
    {
        get
        {
            if (handle.IsClosed)
            {
                if (lost)
                {
                    throw new LibvirtConnectionLostException("The connection broke and was closed; a ResilientLibvirtConnection hands out its replacement through Connection.");
                }

                ObjectDisposedException.ThrowIf(true, this);
            }

            return handle;
        }
    }

    /// <summary>Closes this reference to the connection (<c>virConnectClose</c>).</summary>
    public void Dispose()
    {
        if (handle.IsClosed)
        {
            return;
        }

        if (errorLog != 0)
        {
            ConnectionErrorLog.Detach(handle, errorLog);
            LibvirtLog.ConnectionClosed(Logger, openedUri ?? string.Empty);
        }

        handle.Dispose();
    }

    /// <summary>Disposes a connection that broke, so that its methods keep saying so (connection lost, not disposed).</summary>
    internal void DisposeAsLost()
    {
        lost = true;
        Dispose();
    }

    /// <summary>
    /// Opens with <paramref name="open"/>, then the close callback and keepalive; the event loop lease taken for the
    /// connection passes to its handle, which returns it when closed. On failure everything is undone and the
    /// exception thrown, so a caller never receives a half-configured connection.
    /// </summary>
    private static LibvirtConnection Opened(Func<ConnectHandle> open, string uri, KeepAliveSettings keepAlive, bool eventLoopLease, ILogger? logger)
    {
        ConnectHandle handle;
        try
        {
            handle = open();
        }
        catch
        {
            if (eventLoopLease)
            {
                LibvirtEventLoop.Release();
            }

            throw;
        }

        if (eventLoopLease)
        {
            handle.HoldEventLoopLease();
        }

        try
        {
            handle.RegisterCloseCallback();
            keepAlive.Apply(handle, uri);
            return new(handle, logger, uri);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary><c>virConnectOpen</c>, timed; a failure is logged (with libvirt's code and domain) before it is thrown.</summary>
    private static ConnectHandle OpenHandle(string uri, ILogger? logger)
    {
        var call = LibvirtCall.BeginOpen(nameof(Libvirt.virConnectOpen));
        var opened = Libvirt.virConnectOpen(uri);
        if (opened.IsInvalid)
        {
            var error = call.TakeError();
            opened.Dispose();
            if (logger is not null)
            {
                LibvirtLog.ConnectionOpenFailed(
                    logger, uri, error.Code, LibvirtErrorNames.Code(error.Code), error.Domain, LibvirtErrorNames.Domain(error.Domain), error.Message);
            }

            throw LibvirtError.Map(error, nameof(Libvirt.virConnectOpen), opening: true);
        }

        call.Succeeded();
        return opened;
    }

    /// <summary>
    /// A new connection object over the connection <paramref name="domain"/> belongs to (its own libvirt reference);
    /// dispose it. It logs to the domain's connection's logger, but installs no error handler of its own: libvirt's
    /// handler belongs to the native connection, which the original object already set.
    /// </summary>
    internal static LibvirtConnection Of(LibvirtDomain domain) => new(LibvirtProxy.DomainConnection(domain.Handle)) { Logger = domain.Connection.Logger };

    /// <summary>libvirt encodes versions as <c>major * 1,000,000 + minor * 1,000 + release</c>.</summary>
    internal static Version DecodeVersion(ulong version) =>
        new((int)(version / 1_000_000), (int)(version / 1_000 % 1_000), (int)(version % 1_000));
}
