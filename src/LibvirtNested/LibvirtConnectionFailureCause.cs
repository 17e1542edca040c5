namespace LibvirtNested;

/// <summary>
/// Why a remote connection open (<c>virConnectOpen*</c> over <c>qemu+tcp</c>, <c>qemu+tls</c>, <c>qemu+ssh</c>,
/// <c>qemu+libssh</c>, …) failed, as far as libvirt's error code, its message and what it logged meanwhile
/// (<see cref="LibvirtException.LoggedDetails"/>) tell: <see cref="LibvirtConnectionFailedException.Cause"/> and
/// <see cref="LibvirtAuthenticationException.Cause"/>.
/// </summary>
/// <remarks>
/// Recognised from libvirt's, OpenSSH's and GnuTLS's untranslated messages (libvirt 9.0); with a translated libvirt
/// (libvirt-l10n and a non-English locale) or a newer wording the cause is <see cref="Unknown"/>, never a wrong one.
/// </remarks>
public enum LibvirtConnectionFailureCause
{
    /// <summary>Not recognised (or not a remote transport failure): read <see cref="LibvirtException.LibvirtMessage"/>.</summary>
    Unknown = 0,

    /// <summary>No connection to the host's port: refused, no route, timed out (<c>unable to connect to server</c>).</summary>
    Unreachable = 1,

    /// <summary>
    /// The daemon or sshd refused the credentials: a wrong SASL user or password (<c>VIR_ERR_AUTH_FAILED</c> from
    /// the RPC layer), or an ssh key the server does not accept (<c>Permission denied (publickey)</c>, libssh
    /// <c>failed to authenticate</c>).
    /// </summary>
    CredentialsRejected = 2,

    /// <summary>The ssh host key is unknown or changed and was not accepted (<c>Host key verification failed.</c>, libssh <c>was not accepted</c>).</summary>
    HostKeyNotTrusted = 3,

    /// <summary>The TLS server certificate is not signed by a CA in the client's <c>cacert.pem</c> (libvirt logged <c>hasn't got a known issuer</c>).</summary>
    ServerCertificateNotTrusted = 4,

    /// <summary>The TLS server certificate does not name the host of the URI (<c>owner does not match the hostname</c>).</summary>
    ServerNameMismatch = 5,

    /// <summary>
    /// The server ended the TLS session after the handshake (<c>Unable to read TLS confirmation</c>): it refused the
    /// client certificate, because there was none in <c>pkipath</c> (or no key for it) or because it does not trust its issuer.
    /// </summary>
    ClientCertificateRejected = 6,

    /// <summary>
    /// The client's own credentials are unusable before anything is sent: CA certificate missing, own certificate not
    /// valid against its CA, an ssh key file that cannot be read.
    /// </summary>
    ClientCredentialsUnusable = 7,

    /// <summary>
    /// The client refused the TLS server certificate (<c>Failed to verify peer's certificate</c>) for a reason libvirt
    /// only logged, and its log was not available (the application set <c>LIBVIRT_LOG_OUTPUTS</c> or <c>LIBVIRT_DEBUG</c>):
    /// an untrusted issuer, a name mismatch, an expired certificate, ….
    /// </summary>
    ServerCertificateRejected = 8,
}
