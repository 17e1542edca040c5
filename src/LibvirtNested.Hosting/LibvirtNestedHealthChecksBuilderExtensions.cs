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
}
