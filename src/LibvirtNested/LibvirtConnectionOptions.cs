using Microsoft.Extensions.Logging;

namespace LibvirtNested;

/// <summary>Options of <see cref="LibvirtConnection.Open(string, LibvirtConnectionOptions?)"/>.</summary>
public sealed class LibvirtConnectionOptions
{
    /// <summary>
    /// Where the connection logs what it does (category <c>LibvirtNested</c>; event ids in <see cref="LibvirtLogEvents"/>):
    /// open and close, failed libvirt calls with their error code and domain, lost events, edit conflicts and
    /// retries, reconnections. <see langword="null"/> (the default): nothing is logged.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
