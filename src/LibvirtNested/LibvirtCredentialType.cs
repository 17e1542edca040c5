namespace LibvirtNested;

/// <summary>libvirt's <c>virConnectCredentialType</c>: what a credential prompt asks for.</summary>
public enum LibvirtCredentialType
{
    /// <summary><c>VIR_CRED_USERNAME</c>: identity to act as.</summary>
    UserName = 1,

    /// <summary><c>VIR_CRED_AUTHNAME</c>: identity to authorize as.</summary>
    AuthName = 2,

    /// <summary><c>VIR_CRED_LANGUAGE</c>: RFC 1766 languages.</summary>
    Language = 3,

    /// <summary><c>VIR_CRED_CNONCE</c>: a client nonce.</summary>
    ClientNonce = 4,

    /// <summary><c>VIR_CRED_PASSPHRASE</c>: a passphrase secret.</summary>
    Passphrase = 5,

    /// <summary><c>VIR_CRED_ECHOPROMPT</c>: a challenge response that may be echoed.</summary>
    EchoPrompt = 6,

    /// <summary><c>VIR_CRED_NOECHOPROMPT</c>: a challenge response that must not be echoed.</summary>
    NoEchoPrompt = 7,

    /// <summary><c>VIR_CRED_REALM</c>: an authentication realm.</summary>
    Realm = 8,

    /// <summary><c>VIR_CRED_EXTERNAL</c>: an externally managed credential.</summary>
    External = 9,
}
