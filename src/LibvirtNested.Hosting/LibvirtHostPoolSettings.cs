using LibvirtNested.Fleet;

namespace LibvirtNested.Hosting;

/// <summary>
/// The configuration-bindable form of <see cref="LibvirtHostPoolOptions"/>, for the same reason as
/// <see cref="LibvirtConnectionSettings"/>: the binding source generator (trim- and AOT-safe) cannot bind
/// <see cref="LibvirtConnectionOptions.LoggerFactory"/>, a service. Each value is nullable so that only keys present
/// in configuration overwrite an option; hosts are added to the ones already configured, as the reflection binder did.
/// </summary>
internal sealed class LibvirtHostPoolSettings
{
    public List<string>? Hosts { get; set; }

    public int? MaxConcurrentCallsPerHost { get; set; }

    public TimeSpan? PerHostTimeout { get; set; }

    public int? OpenRetries { get; set; }

    public TimeSpan? OpenRetryDelay { get; set; }

    public LibvirtConnectionSettings? Connection { get; set; }

    /// <summary>Copies the values configuration named onto <paramref name="options"/>.</summary>
    public void ApplyTo(LibvirtHostPoolOptions options)
    {
        foreach (var host in Hosts ?? [])
        {
            options.Hosts.Add(host);
        }

        options.MaxConcurrentCallsPerHost = MaxConcurrentCallsPerHost ?? options.MaxConcurrentCallsPerHost;
        options.PerHostTimeout = PerHostTimeout ?? options.PerHostTimeout;
        options.OpenRetries = OpenRetries ?? options.OpenRetries;
        options.OpenRetryDelay = OpenRetryDelay ?? options.OpenRetryDelay;
        Connection?.ApplyTo(options.Connection);
    }
}
