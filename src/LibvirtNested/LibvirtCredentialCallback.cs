namespace LibvirtNested;

/// <summary>Answers the credential prompts of <c>virConnectOpenAuth</c> by setting each <see cref="LibvirtCredential.Result"/>.</summary>
/// <param name="credentials">The prompts of one round.</param>
/// <returns>True when answered; false cancels authentication (<see cref="LibvirtAuthenticationException"/>).</returns>
public delegate bool LibvirtCredentialCallback(IReadOnlyList<LibvirtCredential> credentials);
