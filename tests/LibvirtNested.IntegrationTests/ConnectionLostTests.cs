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
        _ = connection.ListDomains();

        var stopped = Sandbox.Stop();
        LibvirtException? error;
        try
        {
            error = Assert.Throws<LibvirtConnectionLostException>(() => connection.ListDomains());
            TestContext.Out.WriteLine($"daemon {pid} stopped in {stopped.TotalSeconds:F1} s; then: code {error!.Code} ({error.CodeName}), domain {error.Domain} ({error.DomainName}): {error.LibvirtMessage}");
            Assert.That(connection.IsAlive, Is.False);
            Assert.That(Assert.Throws(Is.InstanceOf<LibvirtException>(), () => _ = connection.HostName), Is.InstanceOf<LibvirtConnectionLostException>());
        }
        finally
        {
            var started = Sandbox.Start();
            TestContext.Out.WriteLine($"daemon {Sandbox.DaemonPid} started in {started.TotalSeconds:F1} s");
        }

        using var fresh = Daemon.Connect();
        Assert.That(fresh.IsAlive, Is.True);
        Assert.That(fresh.DriverType, Is.EqualTo("QEMU"));
        Assert.That(fresh.ListDomains().Where(d => d.Name.StartsWith(Daemon.Prefix, StringComparison.Ordinal)), Is.Empty);
    }
}
