using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>
/// The daemon goes away under an open connection. Runs last: it stops libvirtd (which destroys every guest and
/// network the sandbox knows) and starts it again for whatever follows.
/// </summary>
[DependsOnFixture(typeof(WalkthroughTests), AllowFailure = true)]
public class ConnectionLostTests
{
    [Test]
    public void Call_on_a_connection_whose_daemon_stopped_throws_connection_lost_and_a_new_connection_works_after_restart()
    {
        using var connection = Daemon.Connect();
        var pid = Sandbox.DaemonPid;
        if (pid is null)
        {
            Assert.Ignore("The daemon answering was not started by scripts/libvirtd-sandbox.sh (no live pid file); it is not ours to stop.");
        }

        Assert.That(connection.IsAlive, Is.True);
        var leftovers = Leftovers(connection);

        var stopped = Sandbox.Stop();
        try
        {
            var error = Assert.Throws<LibvirtConnectionLostException>(() => connection.ListDomains());
            TestContext.Out.WriteLine($"daemon {pid} stopped in {stopped.TotalSeconds:F1} s; then: code {error!.Code} ({error.CodeName}), domain {error.Domain} ({error.DomainName}): {error.LibvirtMessage}");
            Assert.That(error.Domain, Is.EqualTo(7), "VIR_FROM_RPC");
            Assert.That(connection.IsAlive, Is.False);

            // Later calls fail differently ("client socket is closed"); they must be a lost connection too.
            var later = Assert.Throws(Is.InstanceOf<LibvirtException>(), () => _ = connection.HostName) as LibvirtException;
            TestContext.Out.WriteLine($"next call: code {later!.Code} ({later.CodeName}), domain {later.Domain} ({later.DomainName}): {later.LibvirtMessage}");
            Assert.That(later, Is.InstanceOf<LibvirtConnectionLostException>());
            Assert.That(Assert.Throws(Is.InstanceOf<LibvirtException>(), () => connection.GetDomain("lvn-it-any")), Is.InstanceOf<LibvirtConnectionLostException>());
        }
        finally
        {
            var started = Sandbox.Start();
            TestContext.Out.WriteLine($"daemon {Sandbox.DaemonPid} started in {started.TotalSeconds:F1} s");
        }

        using var fresh = Daemon.Connect();
        Assert.That(fresh.IsAlive, Is.True);
        Assert.That(fresh.DriverType, Is.EqualTo("QEMU"));
        Assert.That(Leftovers(fresh), Is.Empty, "the restarted daemon still knows test objects");
        Assert.That(leftovers, Is.Empty, "earlier tests left these behind");
    }

    /// <summary>Everything with the test prefix: domains, networks, pools, loop devices over test files, temp folders.</summary>
    private static List<string> Leftovers(LibvirtConnection connection)
    {
        var found = new List<string>();
        foreach (var domain in connection.ListDomains())
        {
            using (domain)
            {
                found.Add("domain " + domain.Name);
            }
        }

        foreach (var network in connection.ListNetworks())
        {
            using (network)
            {
                found.Add("network " + network.Name);
            }
        }

        foreach (var pool in connection.ListStoragePools())
        {
            using (pool)
            {
                found.Add("pool " + pool.Name);
            }
        }

        found.AddRange(Cleanup.Run("losetup", "-a").Split('\n').Where(line => line.Contains("/" + Daemon.Prefix, StringComparison.Ordinal)).Select(line => "loop " + line));
        found.AddRange(Directory.GetDirectories(Path.GetTempPath(), Daemon.Prefix + "*").Select(path => "folder " + path));
        return found.Where(item => item.Contains(Daemon.Prefix, StringComparison.Ordinal)).ToList();
    }
}
