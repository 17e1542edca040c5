using LibvirtNested.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the libvirt health check to <c>services.AddHealthChecks()</c>.</summary>
public static class LibvirtNestedHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that the shared <see cref="LibvirtNested.LibvirtConnection"/> registered by <c>AddLibvirtNested</c> is
    /// alive (<c>virConnectIsAlive</c>): healthy while it is, <paramref name="failureStatus"/> when it is not or could not be
    /// opened (the exception is in <see cref="HealthCheckResult.Exception"/>).
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; <c>libvirt</c> by default.</param>
    /// <param name="failureStatus">The status reported on failure; <see langword="null"/> for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>ready</c>).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHealthChecksBuilder AddLibvirt(this IHealthChecksBuilder builder, string name = "libvirt", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.Add(new HealthCheckRegistration(name, provider => new LibvirtHealthCheck(provider), failureStatus, tags));
    }

    /// <summary>
    /// Adds a check of every host of the <see cref="LibvirtNested.Fleet.LibvirtHostPool"/> registered by <c>AddLibvirtHostPool</c>
    /// (<see cref="LibvirtNested.Fleet.LibvirtHostPool.CheckAllHealthAsync"/>: versions and nested readiness, each host within the
    /// pool's per-host timeout): healthy when every host answers, <see cref="HealthStatus.Degraded"/> when only some do,
    /// <paramref name="failureStatus"/> when none does; <see cref="HealthCheckResult.Data"/> holds one entry per host URI.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; <c>libvirt-hosts</c> by default.</param>
    /// <param name="failureStatus">The status when no host answers; <see langword="null"/> for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>ready</c>).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHealthChecksBuilder AddLibvirtHosts(this IHealthChecksBuilder builder, string name = "libvirt-hosts", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.Add(new HealthCheckRegistration(name, provider => new LibvirtHostPoolHealthCheck(provider, null), failureStatus, tags));
    }

    /// <summary>
    /// Adds a check of one host of the registered <see cref="LibvirtNested.Fleet.LibvirtHostPool"/>
    /// (<see cref="LibvirtNested.Fleet.LibvirtHostPool.CheckHealthAsync(string, System.Threading.CancellationToken)"/>): healthy when it
    /// answers, <paramref name="failureStatus"/> when not (the typed error is in <see cref="HealthCheckResult.Exception"/>).
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="uri">The host's libvirt URI.</param>
    /// <param name="name">The check's name; <c>libvirt-host:</c> and the URI by default.</param>
    /// <param name="failureStatus">The status on failure; <see langword="null"/> for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHealthChecksBuilder AddLibvirtHost(this IHealthChecksBuilder builder, string uri, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        return builder.Add(new HealthCheckRegistration(name ?? $"libvirt-host:{uri}", provider => new LibvirtHostPoolHealthCheck(provider, uri), failureStatus, tags));
    }
}
