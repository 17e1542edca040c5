namespace LibvirtNested;

/// <summary>One prompt of <c>virConnectOpenAuth</c> (<c>virConnectCredential</c>); set <see cref="Result"/> to answer it.</summary>
public sealed class LibvirtCredential
{
    internal LibvirtCredential(LibvirtCredentialType type, string? prompt, string? challenge, string? defaultResult)
    {
        Type = type;
        Prompt = prompt;
        Challenge = challenge;
        DefaultResult = defaultResult;
    }

    /// <summary><c>virConnectCredential.type</c>.</summary>
    public LibvirtCredentialType Type { get; }

    /// <summary><c>virConnectCredential.prompt</c>: text to show the user.</summary>
    public string? Prompt { get; }

    /// <summary><c>virConnectCredential.challenge</c>: an additional challenge to show.</summary>
    public string? Challenge { get; }

    /// <summary><c>virConnectCredential.defresult</c>: the default answer, if any.</summary>
    public string? DefaultResult { get; }

    /// <summary>The answer (<c>virConnectCredential.result</c>); null answers with an empty result.</summary>
    public string? Result { get; set; }
}
