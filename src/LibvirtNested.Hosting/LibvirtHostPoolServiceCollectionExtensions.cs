using LibvirtNested.Fleet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="LibvirtHostPool"/> for a service that drives many libvirt hosts.</summary>
public static class LibvirtHostPoolServiceCollectionExtensions
{
    /// <summary>The configuration section <c>AddLibvirtHostPool(configuration.GetSection(...))</c> conventionally reads: <c>LibvirtNested:Pool</c>.</summary>
    public const string SectionName = "LibvirtNested:Pool";

    /// <summary>
    /// Registers one <see cref="LibvirtHostPool"/> (singleton, created on first use, disposed with the container: every
    /// host's connection is closed) for <see cref="LibvirtHostPoolOptions"/> bound from <paramref name="configuration"/>:
    /// <c>Hosts</c> (a list of URIs), <c>MaxConcurrentCallsPerHost</c>, <c>PerHostTimeout</c>, <c>OpenRetries</c>,
    /// <c>OpenRetryDelay</c> and <c>Connection</c> (keepalive and reconnect settings of <see cref="LibvirtNested.LibvirtConnectionOptions"/>).
    /// The connections log to the container's <see cref="ILoggerFactory"/> unless <c>Connection.LoggerFactory</c> is set.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind, usually <c>configuration.GetSection("LibvirtNested:Pool")</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddLibvirtHostPool(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddCore(services);
        // Through the bindable settings type, as AddLibvirtNested does: the generated binder cannot bind the logger factory.
        services.AddOptions<LibvirtHostPoolOptions>().Configure(options =>
        {
            var settings = new LibvirtNested.Hosting.LibvirtHostPoolSettings();
            configuration.Bind(settings);
            settings.ApplyTo(options);
        });
        return services;
    }

    /// <summary>Registers one <see cref="LibvirtHostPool"/> like <see cref="AddLibvirtHostPool(IServiceCollection, IConfiguration)"/>, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adds hosts and sets limits, e.g. <c>o =&gt; o.Hosts.Add("qemu+ssh://h1/system")</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddLibvirtHostPool(this IServiceCollection services, Action<LibvirtHostPoolOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services);
        services.Configure(configure);
        return services;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.AddOptions<LibvirtHostPoolOptions>()
            .Validate(o => o.MaxConcurrentCallsPerHost >= 1, "LibvirtNested:Pool:MaxConcurrentCallsPerHost must be at least 1.")
            .Validate(o => o.Hosts.All(h => !string.IsNullOrWhiteSpace(h)), "LibvirtNested:Pool:Hosts must hold libvirt URIs, e.g. qemu+ssh://host/system.")
            .Configure<IServiceProvider>((options, provider) => options.Connection.LoggerFactory ??= provider.GetService<ILoggerFactory>());
        services.TryAddSingleton(provider => new LibvirtHostPool(provider.GetRequiredService<IOptions<LibvirtHostPoolOptions>>().Value));
    }
}
