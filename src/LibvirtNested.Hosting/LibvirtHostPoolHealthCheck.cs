using LibvirtNested.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LibvirtNested.Hosting;

/// <summary>
/// The registered <see cref="LibvirtHostPool"/>'s hosts (or one of them), checked at once within the pool's per-host
/// timeout: healthy when every host answers, degraded when some do, the failure status when none does. Each host's
/// state is an entry of <see cref="HealthCheckResult.Data"/> keyed by its URI.
/// </summary>
internal sealed class LibvirtHostPoolHealthCheck(IServiceProvider services, string? uri) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pool = services.GetRequiredService<LibvirtHostPool>();
        IReadOnlyList<LibvirtHostHealth> hosts = uri is null
            ? await pool.CheckAllHealthAsync(cancellationToken).ConfigureAwait(false)
            : [await pool.CheckHealthAsync(uri, cancellationToken).ConfigureAwait(false)];
        var data = hosts.ToDictionary(h => h.Uri, h => (object)Describe(h));
        var reachable = hosts.Count(h => h.IsReachable);
        if (hosts.Count > 0 && reachable == hosts.Count)
        {
            return HealthCheckResult.Healthy($"{reachable} of {hosts.Count} libvirt hosts answer.", data);
        }

        var failure = hosts.FirstOrDefault(h => !h.IsReachable)?.Error;
        return reachable > 0
            ? HealthCheckResult.Degraded($"{reachable} of {hosts.Count} libvirt hosts answer.", failure, data)
            : new HealthCheckResult(context.Registration.FailureStatus, hosts.Count == 0 ? "The pool has no libvirt hosts." : $"None of {hosts.Count} libvirt hosts answers.", failure, data);
    }

    private static string Describe(LibvirtHostHealth host) => host.IsReachable
        ? $"reachable: {host.DriverType} {host.HypervisorVersion}, libvirt {host.LibvirtVersion}, {(host.IsNestedReady ? "nested-ready" : "not nested-ready")}, {host.Reconnects} reconnects"
        : $"unreachable: {host.Error?.GetType().Name}";
}
