using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LibvirtNested in a <see cref="IServiceCollection"/> (ASP.NET Core, worker services, any generic host).</summary>
public static class LibvirtNestedServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LibvirtNested.Hosting.ILibvirtConnectionFactory"/> (singleton) and a shared
    /// <see cref="LibvirtNested.LibvirtConnection"/> (singleton, opened on first use, disposed with the container), for
    /// <see cref="LibvirtNested.Hosting.LibvirtNestedOptions"/> and <see cref="LibvirtNested.LibvirtConnectionOptions"/> as configured
    /// elsewhere (<c>services.Configure&lt;LibvirtNestedOptions&gt;(…)</c>; by default <c>qemu:///system</c>). The connection logs to
    /// the container's <see cref="ILoggerFactory"/> unless <see cref="LibvirtNested.LibvirtConnectionOptions.LoggerFactory"/> is set.
    /// Calling it again adds configuration, not services.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddLibvirtNested(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddCore(services);
        return services;
    }

    /// <summary>Registers LibvirtNested like <see cref="AddLibvirtNested(IServiceCollection)"/>, with <paramref name="configure"/> setting the URI.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="LibvirtNested.Hosting.LibvirtNestedOptions.Uri"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddLibvirtNested(this IServiceCollection services, Action<LibvirtNested.Hosting.LibvirtNestedOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services);
        services.Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers LibvirtNested like <see cref="AddLibvirtNested(IServiceCollection)"/>,
    /// binding <see cref="LibvirtNested.Hosting.LibvirtNestedOptions"/> and <see cref="LibvirtNested.LibvirtConnectionOptions"/> from
    /// <paramref name="configuration"/> (usually <c>configuration.GetSection("LibvirtNested")</c>): <c>Uri</c> and every
    /// settable connection option of the core library.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddLibvirtNested(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddCore(services);
        services.AddOptions<LibvirtNested.Hosting.LibvirtNestedOptions>().Bind(configuration);
        // Through the bindable settings type: LibvirtConnectionOptions.LoggerFactory is a service the generated binder
        // cannot handle (see LibvirtConnectionSettings).
        services.AddOptions<LibvirtNested.LibvirtConnectionOptions>().Configure(options =>
        {
            var settings = new LibvirtNested.Hosting.LibvirtConnectionSettings();
            configuration.Bind(settings);
            settings.ApplyTo(options);
        });
        return services;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.AddOptions<LibvirtNested.Hosting.LibvirtNestedOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.Uri), "LibvirtNested:Uri must name a libvirt URI, e.g. qemu:///system.");

        // The host's logging, unless the options chose a logger factory themselves. ILoggerFactory is optional: a bare
        // ServiceCollection without AddLogging() still works, without logging.
        services.AddOptions<LibvirtNested.LibvirtConnectionOptions>()
            .Configure<IServiceProvider>((options, provider) => options.LoggerFactory ??= provider.GetService<ILoggerFactory>());
        services.TryAddSingleton<LibvirtNested.Hosting.ILibvirtConnectionFactory, LibvirtNested.Hosting.LibvirtConnectionFactory>();
        services.TryAddSingleton(provider => provider.GetRequiredService<LibvirtNested.Hosting.ILibvirtConnectionFactory>().Open());
    }
}
