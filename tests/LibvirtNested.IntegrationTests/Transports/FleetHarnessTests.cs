using System.Diagnostics;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests.Transports;

/// <summary>
/// scripts/libvirtd-fleet.sh and its C# harness: each daemon lives in its own network and mount namespaces,
/// answers on its own socket outside /run/libvirt, keeps its state to itself, and survives kill + restart.
/// </summary>
public class FleetHarnessTests
{
    [Test]
    public void Each_daemon_answers_on_its_own_socket_from_its_own_network_and_mount_namespaces()
    {
        var fleet = Fleet.Get();
        foreach (var daemon in fleet.Daemons)
        {
            using var connection = LibvirtConnection.Open(daemon.UnixUri);
            Assert.That(connection.DriverType, Is.EqualTo("QEMU"));
            var pid = daemon.Pid ?? throw new AssertionException($"{daemon} has no live pid");
            Assert.Multiple(() =>
            {
                Assert.That(Inode($"/proc/{pid}/ns/net"), Is.EqualTo(Inode($"/run/netns/{daemon.NetworkNamespace}")), "network namespace");
                Assert.That(Inode($"/proc/{pid}/ns/mnt"), Is.Not.EqualTo(Inode("/proc/self/ns/mnt")), "mount namespace");
                Assert.That(daemon.SocketPath, Does.Not.StartWith("/run/libvirt/"));
            });
        }
    }

    [Test]
    public void A_domain_defined_on_one_daemon_is_not_seen_by_another()
    {
        var fleet = Fleet.Get();
        var name = IntegrationTests.Daemon.UniqueName("fleet");
        using var first = LibvirtConnection.Open(fleet.Daemons[0].UnixUri);
        using var second = LibvirtConnection.Open(fleet.Daemons[1].UnixUri);
        using var cleanup = new Cleanup();
        cleanup.Track(first.DefineDomain(Guests.Minimal(name)));

        Assert.That(first.ListDomains().Select(d => d.Name).ToList(), Does.Contain(name));
        Assert.That(second.ListDomains().Select(d => d.Name).ToList(), Does.Not.Contain(name));
    }

    [Test]
    public void A_killed_daemon_restarts_with_its_definitions()
    {
        var fleet = Fleet.Get();
        var daemon = fleet.Daemons[1];
        var name = IntegrationTests.Daemon.UniqueName("restart");
        using var cleanup = new Cleanup();
        using (var connection = LibvirtConnection.Open(daemon.UnixUri))
        {
            connection.DefineDomain(Guests.Minimal(name)).Dispose();
        }

        var killed = fleet.Kill(daemon.Number);
        Assert.That(daemon.Pid, Is.Null, $"libvirtd {killed} still runs after kill");
        Assert.That(() => LibvirtConnection.Open(daemon.UnixUri), Throws.InstanceOf<LibvirtConnectionFailedException>());

        var clock = Stopwatch.StartNew();
        fleet.Restart(daemon.Number);
        TestContext.Out.WriteLine($"restart took {clock.Elapsed.TotalSeconds:0.0} s");
        using var reopened = LibvirtConnection.Open(daemon.UnixUri);
        var domain = cleanup.Track(reopened.GetDomain(name));
        Assert.That(daemon.Pid, Is.Not.Null.And.Not.EqualTo(killed));
        Assert.That(domain.IsPersistent, Is.True);
    }

    private static string Inode(string path) => Cleanup.Run("stat", "-L", "-c", "%i", path).Trim();
}
