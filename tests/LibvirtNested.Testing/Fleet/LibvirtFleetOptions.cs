namespace LibvirtNested.Testing.Fleet;

/// <summary>How <see cref="LibvirtFleet.Start"/> runs scripts/libvirtd-fleet.sh.</summary>
public sealed class LibvirtFleetOptions
{
    /// <summary>
    /// The namespace prefix (<c>LV_FLEET_PREFIX</c>, at most 10 characters): two fleets with different prefixes
    /// run side by side (different namespaces, state folders and /24 subnets). Default: <c>LV_FLEET_PREFIX</c> from
    /// the environment, else <c>lvfleet</c>.
    /// </summary>
    public string Prefix { get; init; } = Environment.GetEnvironmentVariable("LV_FLEET_PREFIX") is { Length: > 0 } prefix ? prefix : "lvfleet";

    /// <summary>Which remote listeners each daemon gets (<c>LV_FLEET_TRANSPORTS</c>): any of tcp, tls, ssh; empty = unix socket only.</summary>
    public IReadOnlyList<string> Transports { get; init; } = ["tcp", "tls", "ssh"];

    /// <summary>How long the script may take to start the fleet.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
