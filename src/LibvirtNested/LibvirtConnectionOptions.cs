using Microsoft.Extensions.Logging;

namespace LibvirtNested;

/// <summary>
/// How <see cref="LibvirtConnection.Open(string, LibvirtConnectionOptions?)"/> opens a connection. The defaults
/// suit a long-running service; a <see langword="null"/> options argument means the defaults.
/// </summary>
public sealed class LibvirtConnectionOptions
{
    /// <summary>The keepalive interval libvirt uses when none is given: 5 seconds (libvirtd's own default).</summary>
    public static readonly TimeSpan DefaultKeepAliveInterval = TimeSpan.FromSeconds(5);

    /// <summary>The keepalive count libvirt uses when none is given: 5 unanswered messages (libvirtd's own default).</summary>
    public const int DefaultKeepAliveCount = 5;

    /// <summary>
    /// How often the client sends a keepalive message to the daemon when nothing else was received
    /// (<c>virConnectSetKeepAlive</c>'s <c>interval</c>, whole seconds from 1 to <see cref="int.MaxValue"/>); a dead
    /// daemon or network is detected within about <see cref="KeepAliveInterval"/> × (<see cref="KeepAliveCount"/> + 1)
    /// and the connection is closed with <see cref="LibvirtConnectionCloseReason.KeepAlive"/>.
    /// <see cref="TimeSpan.Zero"/> or <see cref="Timeout.InfiniteTimeSpan"/> turns keepalive off. Default: 5 seconds.
    /// </summary>
    /// <remarks>
    /// Keepalive applies to connections through a daemon (every URI but the in-process <c>test:</c> driver); it needs
    /// libvirt's event loop, so opening such a connection with keepalive on starts the library's event loop thread
    /// first (libvirt decides at open time whether a connection can use it).
    /// </remarks>
    public TimeSpan KeepAliveInterval { get; set; } = DefaultKeepAliveInterval;

    /// <summary>
    /// How many keepalive messages may go unanswered before the connection is considered dead
    /// (<c>virConnectSetKeepAlive</c>'s <c>count</c>); 0 closes it as soon as one interval passes without an answer.
    /// Default: 5.
    /// </summary>
    public int KeepAliveCount { get; set; } = DefaultKeepAliveCount;

    /// <summary>
    /// How long <see cref="ResilientLibvirtConnection"/> waits after losing the connection before its first attempt
    /// to open it again; each failed attempt doubles the wait, up to <see cref="ReconnectMaxDelay"/>, with ±20 %
    /// jitter so that many clients of one restarted daemon do not all come back at once. Default: 1 second.
    /// </summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts of <see cref="ResilientLibvirtConnection"/> to reopen. Default: 30 seconds.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where the connection logs what it does (category <c>LibvirtNested</c>; event ids in <see cref="LibvirtLogEvents"/>):
    /// open and close, failed libvirt calls with their error code and domain, lost events, edit conflicts and
    /// retries, reconnections. <see langword="null"/> (the default): nothing is logged.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
