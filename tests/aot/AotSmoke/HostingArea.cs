using LibvirtNested.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibvirtNested.AotSmoke;

/// <summary>LibvirtNested.Hosting: options bound from configuration (the generated binder), the factory, the shared connection, the health check.</summary>
internal static class HostingArea
{
    public static async Task RunAsync(SmokeRun run)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LibvirtNested:Uri"] = NativeArea.Uri,
                ["LibvirtNested:KeepAliveCount"] = "7",
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddLibvirtNested(configuration.GetSection(LibvirtNestedOptions.SectionName));
        services.AddHealthChecks().AddLibvirt(tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();

        run.Equal("hosting: URI bound from configuration", NativeArea.Uri, provider.GetRequiredService<IOptions<LibvirtNestedOptions>>().Value.Uri);
        var options = provider.GetRequiredService<IOptions<LibvirtConnectionOptions>>().Value;
        run.Equal("hosting: connection option bound from configuration", 7, options.KeepAliveCount);
        run.Check("hosting: the container's logger factory", options.LoggerFactory is ILoggerFactory);
        using (var opened = provider.GetRequiredService<ILibvirtConnectionFactory>().Open())
        {
            run.Equal("hosting: the factory opens the configured URI", NativeArea.Uri, opened.Uri.ToString());
        }

        run.Check("hosting: one shared connection", ReferenceEquals(provider.GetRequiredService<LibvirtConnection>(), provider.GetRequiredService<LibvirtConnection>()));
        var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync().ConfigureAwait(false);
        run.Equal("hosting: health check healthy", HealthStatus.Healthy, health.Status);
    }
}
