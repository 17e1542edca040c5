namespace LibvirtNested.Fleet;

/// <summary>How a <see cref="LibvirtHostPool"/> opens and shares its hosts; bindable from configuration (<c>LibvirtNested:Pool</c> in <c>AddLibvirtHostPool</c>).</summary>
public sealed class LibvirtHostPoolOptions
{
    /// <summary>
    /// The default of <see cref="MaxConcurrentCallsPerHost"/>: 4, one below libvirtd's default <c>max_client_requests</c>
    /// (5, libvirtd.conf), so a client's keepalive answers and a fifth call always find a worker of the daemon.
    /// </summary>
    public const int DefaultMaxConcurrentCallsPerHost = 4;

    /// <summary>The hosts' libvirt URIs (<c>qemu+ssh://h1/system</c>, <c>qemu+tls://h2/system</c>, …); more can be added later by using them.</summary>
    public IList<string> Hosts { get; } = [];

    /// <summary>
    /// How many operations of this pool may run on one host at once; later ones wait in arrival order. Default
    /// <see cref="DefaultMaxConcurrentCallsPerHost"/>. Raise it only together with the daemon's <c>max_client_requests</c>.
    /// </summary>
    public int MaxConcurrentCallsPerHost { get; set; } = DefaultMaxConcurrentCallsPerHost;

    /// <summary>
    /// The longest one host may take in <see cref="LibvirtHostPool.FanOutAsync{T}(Func{LibvirtConnection, T}, IEnumerable{string}?, TimeSpan?, CancellationToken)"/>
    /// and in placement, waiting for a slot, opening and running included. Default: 30 seconds.
    /// </summary>
    public TimeSpan PerHostTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed first open of a host (<see cref="LibvirtConnectionFailedException"/>) is tried again before its callers get the error. Default: 2.</summary>
    public int OpenRetries { get; set; } = 2;

    /// <summary>The wait before the first retry of an open; it doubles at each retry, with jitter. Default: 200 milliseconds.</summary>
    public TimeSpan OpenRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Keepalive, reconnect backoff and logging of every host's connection (<see cref="ResilientLibvirtConnection"/>).</summary>
    public LibvirtConnectionOptions Connection { get; set; } = new();
}
