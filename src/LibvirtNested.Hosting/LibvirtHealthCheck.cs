using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LibvirtNested.Hosting;

/// <summary>
/// Healthy while the shared <see cref="LibvirtConnection"/> is alive (<c>virConnectIsAlive</c>); unhealthy when it cannot
/// be opened or the daemon went away. The connection is resolved at each check, so a service whose connection could not
/// be opened at start-up reports why instead of failing to start.
/// </summary>
internal sealed class LibvirtHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        LibvirtConnection connection;
        try
        {
            connection = services.GetRequiredService<LibvirtConnection>();
        }
        catch (LibvirtException e)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "The libvirt connection could not be opened.", e));
        }

        // libvirt's message can name hosts: a health endpoint shows the description, so it stays generic; the exception
        // (and the connection's logger) carry the details.
        return Task.FromResult(connection.IsAlive
            ? HealthCheckResult.Healthy("The libvirt connection is alive.")
            : new HealthCheckResult(context.Registration.FailureStatus, "The libvirt connection is not alive (virConnectIsAlive)."));
    }
}
