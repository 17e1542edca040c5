namespace LibvirtNested.Hosting;

/// <summary>
/// Opens connections configured by <c>services.AddLibvirtNested(…)</c>:
/// the URI of <see cref="LibvirtNestedOptions"/>, the <see cref="LibvirtConnectionOptions"/> bound or configured beside it, and
/// the host's <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/> when the options name none.
/// </summary>
/// <remarks>
/// libvirt connections are thread-safe: most services use the one shared <see cref="LibvirtConnection"/> the registration
/// also provides, and open their own only to isolate a long-running job. The caller disposes what it opens.
/// </remarks>
public interface ILibvirtConnectionFactory
{
    /// <summary>Opens a new read-write connection (<c>virConnectOpen</c>) with the configured URI and options.</summary>
    /// <returns>The open connection; the caller disposes it.</returns>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 is not installed.</exception>
    /// <exception cref="LibvirtConnectionFailedException">The driver or daemon cannot be reached, or the URI is not valid.</exception>
    /// <exception cref="LibvirtAuthenticationException">The daemon refused the credentials.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The configured URI is empty.</exception>
    LibvirtConnection Open();
}
