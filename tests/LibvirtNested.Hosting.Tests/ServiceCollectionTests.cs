using LibvirtNested.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace LibvirtNested.Hosting.Tests;

/// <summary>AddLibvirtNested and AddLibvirt in a real ServiceCollection and generic host, on test:///default.</summary>
[TestFixture]
public sealed class ServiceCollectionTests
{
    private const string TestUri = "test:///default";

    [Test]
    public void The_factory_opens_connections_to_the_configured_uri_and_the_shared_connection_is_one_singleton()
    {
        using var provider = new ServiceCollection().AddLibvirtNested(o => o.Uri = TestUri).BuildServiceProvider();

        var factory = provider.GetRequiredService<ILibvirtConnectionFactory>();
        using var opened = factory.Open();
        using var other = factory.Open();
        var shared = provider.GetRequiredService<LibvirtConnection>();

        Assert.That(opened.Uri.ToString(), Is.EqualTo(TestUri));
        Assert.That(opened, Is.Not.SameAs(other), "the factory opens a new connection each time");
        Assert.That(provider.GetRequiredService<LibvirtConnection>(), Is.SameAs(shared));
        Assert.That(shared.IsAlive, Is.True);
        Assert.That(provider.GetRequiredService<ILibvirtConnectionFactory>(), Is.SameAs(factory));
    }

    [Test]
    public void Disposing_the_container_disposes_the_shared_connection()
    {
        LibvirtConnection shared;
        using (var provider = new ServiceCollection().AddLibvirtNested(o => o.Uri = TestUri).BuildServiceProvider())
        {
            shared = provider.GetRequiredService<LibvirtConnection>();
            Assert.That(shared.IsAlive, Is.True);
        }

        Assert.That(shared.IsAlive, Is.False);
        Assert.Throws<ObjectDisposedException>(() => _ = shared.Uri);
    }

    [Test]
    public void Options_are_bound_from_configuration_and_the_default_is_the_system_daemon()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LibvirtNested:Uri"] = TestUri })
            .Build();
        using var bound = new ServiceCollection().AddLibvirtNested(configuration.GetSection(LibvirtNestedOptions.SectionName)).BuildServiceProvider();
        using var unconfigured = new ServiceCollection().AddLibvirtNested().BuildServiceProvider();

        Assert.That(bound.GetRequiredService<IOptions<LibvirtNestedOptions>>().Value.Uri, Is.EqualTo(TestUri));
        Assert.That(bound.GetRequiredService<LibvirtConnection>().Uri.ToString(), Is.EqualTo(TestUri));
        Assert.That(unconfigured.GetRequiredService<IOptions<LibvirtNestedOptions>>().Value.Uri, Is.EqualTo("qemu:///system"));
    }

    [Test]
    public void Connection_options_are_bound_from_the_same_section_and_keys_it_lacks_keep_their_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LibvirtNested:Uri"] = TestUri,
                ["LibvirtNested:KeepAliveInterval"] = "00:00:07",
                ["LibvirtNested:KeepAliveCount"] = "3",
                ["LibvirtNested:ReconnectMaxDelay"] = "00:02:00",
            })
            .Build();
        var fromHost = new ListLoggerProvider();
        using var provider = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(fromHost))
            .AddLibvirtNested(configuration.GetSection(LibvirtNestedOptions.SectionName))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LibvirtConnectionOptions>>().Value;

        Assert.That(options.KeepAliveInterval, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(options.KeepAliveCount, Is.EqualTo(3));
        Assert.That(options.ReconnectMaxDelay, Is.EqualTo(TimeSpan.FromMinutes(2)));
        Assert.That(options.ReconnectDelay, Is.EqualTo(new LibvirtConnectionOptions().ReconnectDelay), "not in configuration: the default");
        Assert.That(options.LoggerFactory, Is.Not.Null, "the container's logger factory, not configuration");
    }

    [Test]
    public void Every_settable_connection_option_but_the_logger_factory_is_bindable_from_configuration()
    {
        // The generated binder binds LibvirtConnectionSettings, not the options type: a new option must be added there.
        var settable = typeof(LibvirtConnectionOptions).GetProperties()
            .Where(p => p.SetMethod is { IsPublic: true } && p.Name != nameof(LibvirtConnectionOptions.LoggerFactory))
            .Select(p => (p.Name, Type: p.PropertyType));
        var bindable = typeof(LibvirtConnectionSettings).GetProperties()
            .Select(p => (p.Name, Type: Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType));

        Assert.That(bindable, Is.EquivalentTo(settable));
    }

    [Test]
    public void An_empty_uri_fails_options_validation_naming_the_setting()
    {
        using var provider = new ServiceCollection().AddLibvirtNested(o => o.Uri = " ").BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ILibvirtConnectionFactory>().Open());

        Assert.That(error!.Message, Does.Contain("LibvirtNested:Uri"));
    }

    [Test]
    public void The_connection_logs_to_the_containers_logger_factory_unless_the_options_name_one()
    {
        var fromHost = new ListLoggerProvider();
        using (var provider = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(fromHost))
            .AddLibvirtNested(o => o.Uri = TestUri)
            .BuildServiceProvider())
        {
            provider.GetRequiredService<LibvirtConnection>();
        }

        Assert.That(fromHost.Entries.Select(e => (e.Category, e.EventId)), Is.EqualTo(new[]
        {
            ("LibvirtNested", LibvirtLogEvents.ConnectionOpened),
            ("LibvirtNested", LibvirtLogEvents.ConnectionClosed),
        }));

        var own = new ListLoggerProvider();
        var host = new ListLoggerProvider();
        using var ownFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(own));
        using (var provider = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(host))
            .AddLibvirtNested(o => o.Uri = TestUri)
            .Configure<LibvirtConnectionOptions>(o => o.LoggerFactory = ownFactory)
            .BuildServiceProvider())
        {
            provider.GetRequiredService<LibvirtConnection>();
        }

        Assert.That(own.Entries, Has.Count.EqualTo(2));
        Assert.That(host.Entries, Is.Empty);
    }

    [Test]
    public void Without_AddLogging_nothing_is_logged_and_everything_works()
    {
        using var provider = new ServiceCollection().AddLibvirtNested(o => o.Uri = TestUri).BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<LibvirtConnectionOptions>>().Value.LoggerFactory, Is.Null);
        Assert.That(provider.GetRequiredService<LibvirtConnection>().IsAlive, Is.True);
    }

    [Test]
    public async Task The_health_check_is_healthy_while_the_connection_is_alive()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddLibvirtNested(o => o.Uri = TestUri)
            .AddHealthChecks().AddLibvirt(tags: ["ready"]).Services
            .BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.That(report.Status, Is.EqualTo(HealthStatus.Healthy), Describe(report));
        Assert.That(report.Entries["libvirt"].Tags, Is.EquivalentTo(new[] { "ready" }));
    }

    [Test]
    public async Task The_health_check_is_unhealthy_when_the_connection_is_not_alive()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddLibvirtNested(o => o.Uri = TestUri)
            .AddHealthChecks().AddLibvirt().Services
            .BuildServiceProvider();
        provider.GetRequiredService<LibvirtConnection>().Dispose();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.That(report.Status, Is.EqualTo(HealthStatus.Unhealthy), Describe(report));
        Assert.That(report.Entries["libvirt"].Description, Does.Contain("virConnectIsAlive"));
    }

    [Test]
    public async Task The_health_check_reports_a_connection_that_cannot_be_opened_with_its_failure_status_and_exception()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddLibvirtNested(o => o.Uri = "nosuchdriver:///nowhere")
            .AddHealthChecks().AddLibvirt(name: "hypervisor", failureStatus: HealthStatus.Degraded).Services
            .BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["hypervisor"];
        Assert.That(entry.Status, Is.EqualTo(HealthStatus.Degraded), Describe(report));
        Assert.That(entry.Exception, Is.InstanceOf<LibvirtConnectionFailedException>());
        Assert.That(entry.Description, Does.Not.Contain("nosuchdriver"), "no URI on a health endpoint");
    }

    [Test]
    public async Task A_generic_host_starts_resolves_the_connection_in_a_hosted_service_and_stops_cleanly()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LibvirtNested:Uri"] = TestUri });
        builder.Services.AddLibvirtNested(builder.Configuration.GetSection(LibvirtNestedOptions.SectionName));
        builder.Services.AddHealthChecks().AddLibvirt();
        builder.Services.AddHostedService<DriverTypeReader>();
        using var host = builder.Build();

        await host.StartAsync();
        var reader = host.Services.GetServices<IHostedService>().OfType<DriverTypeReader>().Single();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await host.StopAsync();

        Assert.That(reader.DriverType, Is.EqualTo("TEST"), "virConnectGetType of the test driver");
        Assert.That(report.Status, Is.EqualTo(HealthStatus.Healthy), Describe(report));
    }

    [Test]
    public void Registering_twice_adds_no_second_factory_or_connection()
    {
        var services = new ServiceCollection().AddLibvirtNested().AddLibvirtNested(o => o.Uri = TestUri);

        Assert.That(services.Count(d => d.ServiceType == typeof(ILibvirtConnectionFactory)), Is.EqualTo(1));
        Assert.That(services.Count(d => d.ServiceType == typeof(LibvirtConnection)), Is.EqualTo(1));
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<LibvirtConnection>().Uri.ToString(), Is.EqualTo(TestUri));
    }

    private static string Describe(HealthReport report) =>
        string.Join("; ", report.Entries.Select(e => $"{e.Key}: {e.Value.Status} {e.Value.Description} {e.Value.Exception?.Message}"));

    /// <summary>A hosted service that uses the shared connection at start, as a worker would.</summary>
    private sealed class DriverTypeReader(LibvirtConnection connection) : IHostedService
    {
        public string? DriverType { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            DriverType = connection.DriverType;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
