namespace LibvirtNested.Hosting;

/// <summary>
/// The configuration-bindable part of <see cref="LibvirtConnectionOptions"/>: every settable option that is data.
/// <see cref="LibvirtConnectionOptions.LoggerFactory"/> is a service, not data, and comes from the container.
/// </summary>
/// <remarks>
/// Why a separate type: the configuration binding source generator (trim- and AOT-safe, unlike the reflection binder)
/// refuses to generate code for a type with an interface-typed property it cannot construct. Each property is nullable
/// so that only keys present in configuration overwrite an option, as the reflection binder did.
/// ServiceCollectionTests proves that every other settable option of <see cref="LibvirtConnectionOptions"/> is here.
/// </remarks>
internal sealed class LibvirtConnectionSettings
{
    public TimeSpan? KeepAliveInterval { get; set; }

    public int? KeepAliveCount { get; set; }

    public TimeSpan? ReconnectDelay { get; set; }

    public TimeSpan? ReconnectMaxDelay { get; set; }

    /// <summary>Copies the values configuration named onto <paramref name="options"/>.</summary>
    public void ApplyTo(LibvirtConnectionOptions options)
    {
        options.KeepAliveInterval = KeepAliveInterval ?? options.KeepAliveInterval;
        options.KeepAliveCount = KeepAliveCount ?? options.KeepAliveCount;
        options.ReconnectDelay = ReconnectDelay ?? options.ReconnectDelay;
        options.ReconnectMaxDelay = ReconnectMaxDelay ?? options.ReconnectMaxDelay;
    }
}
