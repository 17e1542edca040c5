using LibvirtNested.Fleet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace LibvirtNested.Hosting.Tests;

/// <summary>AddLibvirtHostPool (options bound from configuration) and the pool's health checks, on test:///default and a dead socket.</summary>
[TestFixture]
public sealed class HostPoolRegistrationTests
{
    private const string TestUri = "test:///default";
    private static readonly string DeadUri = $"qemu+unix:///system?socket=/tmp/lvpool-no-daemon-{Guid.NewGuid():N}.sock";

    [Test]
    public async Task Options_are_bound_from_configuration_and_the_pool_is_one_singleton_disposed_with_the_container()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LibvirtNested:Pool:Hosts:0"] = TestUri,
            ["LibvirtNested:Pool:Hosts:1"] = DeadUri,
            ["LibvirtNested:Pool:MaxConcurrentCallsPerHost"] = "3",
            ["LibvirtNested:Pool:PerHostTimeout"] = "00:00:20",
            ["LibvirtNested:Pool:OpenRetries"] = "1",
            ["LibvirtNested:Pool:Connection:KeepAliveInterval"] = "00:00:07",
        }).Build();
        LibvirtHostPool pool;
        using (var provider = new ServiceCollection().AddLibvirtHostPool(configuration.GetSection(LibvirtHostPoolServiceCollectionExtensions.SectionName)).BuildServiceProvider())
        {
            var options = provider.GetRequiredService<IOptions<LibvirtHostPoolOptions>>().Value;
            Assert.That(options.Hosts, Is.EqualTo(new[] { TestUri, DeadUri }));
            Assert.That((options.MaxConcurrentCallsPerHost, options.PerHostTimeout, options.OpenRetries, options.Connection.KeepAliveInterval), Is.EqualTo((3, TimeSpan.FromSeconds(20), 1, TimeSpan.FromSeconds(7))));

            pool = provider.GetRequiredService<LibvirtHostPool>();
            Assert.That(provider.GetRequiredService<LibvirtHostPool>(), Is.SameAs(pool));
            Assert.That(pool.Uris, Is.EqualTo(new[] { TestUri, DeadUri }));
            Assert.That(await pool.RunAsync(TestUri, c => c.IsAlive), Is.True);
        }

        Assert.That(() => pool.RunAsync(TestUri, c => c.IsAlive), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task The_pool_check_is_degraded_when_one_host_is_dead_and_names_every_host()
    {
        using var provider = Provider(TestUri, DeadUri);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["libvirt-hosts"];
        Assert.That(entry.Status, Is.EqualTo(HealthStatus.Degraded));
        Assert.That(entry.Description, Is.EqualTo("1 of 2 libvirt hosts answer."));
        Assert.That(entry.Exception, Is.InstanceOf<LibvirtConnectionFailedException>());
        Assert.That((string)entry.Data[TestUri], Does.StartWith("reachable: TEST"));
        Assert.That((string)entry.Data[DeadUri], Is.EqualTo("unreachable: LibvirtConnectionFailedException"));
        Assert.That(report.Entries[$"libvirt-host:{TestUri}"].Status, Is.EqualTo(HealthStatus.Healthy));
        Assert.That(report.Entries[$"libvirt-host:{DeadUri}"].Status, Is.EqualTo(HealthStatus.Unhealthy));
    }

    [Test]
    public async Task The_pool_check_is_healthy_when_every_host_answers_and_fails_when_none_does()
    {
        using var healthy = Provider(TestUri);
        using var dead = Provider(DeadUri);

        Assert.That((await healthy.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["libvirt-hosts"].Status, Is.EqualTo(HealthStatus.Healthy));
        Assert.That((await dead.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["libvirt-hosts"].Status, Is.EqualTo(HealthStatus.Unhealthy));
    }

    private static ServiceProvider Provider(params string[] uris)
    {
        var services = new ServiceCollection().AddLogging().AddLibvirtHostPool(o =>
        {
            o.OpenRetries = 0;
            foreach (var uri in uris)
            {
                o.Hosts.Add(uri);
            }
        });
        var checks = services.AddHealthChecks().AddLibvirtHosts();
        foreach (var uri in uris)
        {
            checks.AddLibvirtHost(uri);
        }

        return services.BuildServiceProvider();
    }
}
