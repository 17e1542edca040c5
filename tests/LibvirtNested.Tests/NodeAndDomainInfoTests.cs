using NUnit.Framework;

namespace LibvirtNested.Tests;

/// <summary><c>virNodeGetInfo</c>, <c>virNodeGetFreeMemory</c> and <c>virDomainGetInfo</c> on the test driver, whose figures are fixed.</summary>
public class NodeAndDomainInfoTests
{
    [Test]
    public void Node_info_is_the_test_drivers_fixed_host()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);

        var node = connection.GetNodeInfo();

        // test_driver.c's default node: 16 CPUs at 1400 MHz, 2 cells × 2 sockets × 2 cores × 2 threads, 3 GiB.
        Assert.That(node, Is.EqualTo(new LibvirtNodeInfo { CpuModel = "i686", MemoryBytes = 3UL * 1024 * 1024 * 1024, Cpus = 16, Mhz = 1400, NumaNodes = 2, Sockets = 2, CoresPerSocket = 2, ThreadsPerCore = 2 }));
        Assert.That(connection.GetFreeMemoryBytes(), Is.GreaterThan(0UL));
    }

    [Test]
    public void Domain_info_reads_state_memory_and_vcpus_in_one_call()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        using var defined = TestDriver.Define(connection, "info");

        var info = defined.Domain.GetInfo();

        // The test driver reports the wall clock as CPU time (test_driver.c fakes it), so only the rest is compared.
        Assert.That(info with { CpuTime = TimeSpan.Zero }, Is.EqualTo(new DomainInfo(DomainState.ShutOff, 128UL * 1024 * 1024, 128UL * 1024 * 1024, 1, TimeSpan.Zero)));
    }

    [Test]
    public void Node_info_after_dispose_throws()
    {
        var connection = LibvirtConnection.Open(TestDriver.Uri);
        connection.Dispose();

        Assert.That(() => connection.GetNodeInfo(), Throws.InstanceOf<ObjectDisposedException>());
    }
}
