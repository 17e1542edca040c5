namespace LibvirtNested.Interop;

/// <summary>
/// Names the cause of a failed remote open from libvirt's error and what it logged meanwhile. Every rule is a text
/// that libvirt 9.0, OpenSSH or GnuTLS writes untranslated; anything else is <see cref="LibvirtConnectionFailureCause.Unknown"/>.
/// </summary>
internal static class ConnectionFailureClassifier
{
    internal static LibvirtConnectionFailureCause Classify(LibvirtErrorInfo? info)
    {
        if (info is null)
        {
            return LibvirtConnectionFailureCause.Unknown;
        }

        var text = info.Logged.Count == 0 ? info.Message : info.Message + "\n" + string.Join('\n', info.Logged);
        bool Has(string part) => text.Contains(part, StringComparison.Ordinal);

        // Order matters: the certificate checks also end in "authentication failed", the key-file error in VIR_ERR_AUTH_FAILED.
        if (Has("does not match the hostname"))
        {
            return LibvirtConnectionFailureCause.ServerNameMismatch;
        }

        if (Has("Failed to verify peer's certificate"))
        {
            // The reason is only in what libvirt logged; without it (the application routes libvirt's log itself) it is unknown.
            return Has("known issuer") || Has("signer not found") || Has("failed validation")
                ? LibvirtConnectionFailureCause.ServerCertificateNotTrusted
                : LibvirtConnectionFailureCause.ServerCertificateRejected;
        }

        if (Has("Unable to read TLS confirmation"))
        {
            return LibvirtConnectionFailureCause.ClientCertificateRejected;
        }

        if (Has("Our own certificate") || Has("Cannot read CA certificate") || Has("Cannot read certificate")
            || Has("Cannot read private key") || Has("error while reading private key"))
        {
            return LibvirtConnectionFailureCause.ClientCredentialsUnusable;
        }

        if (Has("Host key verification failed") || (Has("SSH host key") && Has("was not accepted"))
            || Has("Can't verify the session host key") || Has("REMOTE HOST IDENTIFICATION HAS CHANGED"))
        {
            return LibvirtConnectionFailureCause.HostKeyNotTrusted;
        }

        if (Has("Permission denied (publickey") || Has("failed to authenticate")
            || (info.Code == LibvirtError.VIR_ERR_AUTH_FAILED && info.Domain == LibvirtError.VIR_FROM_RPC))
        {
            return LibvirtConnectionFailureCause.CredentialsRejected;
        }

        return Has("unable to connect to server") || Has("Connection refused") || Has("No route to host")
            ? LibvirtConnectionFailureCause.Unreachable
            : LibvirtConnectionFailureCause.Unknown;
    }
}
