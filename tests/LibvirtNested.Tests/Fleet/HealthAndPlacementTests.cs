using LibvirtNested.Fleet;
using NUnit.Framework;

namespace LibvirtNested.Tests.Fleet;

/// <summary>Health, inventory and placement on test-driver hosts whose memory, CPUs and running domains differ.</summary>
public class HealthAndPlacementTests : TestDriverHostsTest
{
    private const ulong MiB = 1024 * 1024;
    [Test]
    public async Task Health_reports_versions_and_what_the_driver_tells_of_nested_readiness_and_a_dead_host_with_its_error()
    {
        var a = Nodes.Host("a", 1024, 2);
        var dead = NodeFiles.DeadUri;
        using var pool = new LibvirtHostPool(Options(a, dead));

        var health = await pool.CheckAllHealthAsync();

        Assert.That(health[0], Has.Property(nameof(LibvirtHostHealth.IsReachable)).True
            .And.Property(nameof(LibvirtHostHealth.DriverType)).EqualTo("TEST")
            .And.Property(nameof(LibvirtHostHealth.LibvirtVersion)).GreaterThanOrEqualTo(new Version(9, 0, 0))
            .And.Property(nameof(LibvirtHostHealth.HypervisorVersion)).Not.Null
            .And.Property(nameof(LibvirtHostHealth.KvmAvailable)).False
            .And.Property(nameof(LibvirtHostHealth.HostPassthroughSupported)).Null
            .And.Property(nameof(LibvirtHostHealth.IsNestedReady)).False
            .And.Property(nameof(LibvirtHostHealth.Error)).Null);
        Assert.That(health[1], Has.Property(nameof(LibvirtHostHealth.IsReachable)).False
            .And.Property(nameof(LibvirtHostHealth.Error)).InstanceOf<LibvirtConnectionFailedException>()
            .And.Property(nameof(LibvirtHostHealth.LibvirtVersion)).Null);
        Assert.That((await pool.CheckHealthAsync(a)).IsReachable, Is.True);
    }

    [Test]
    public async Task The_inventory_counts_what_the_running_domains_hold()
    {
        var a = Nodes.Host("a", 4096, 8, (1024, 2), (512, 3));
        using var pool = new LibvirtHostPool(Options(a));

        var inventory = await pool.GetInventoryAsync(a);

        Assert.That(inventory.Node.MemoryBytes, Is.EqualTo(4096 * MiB));
        Assert.That(inventory.Node.Cpus, Is.EqualTo(8));
        Assert.That((inventory.RunningDomains, inventory.CommittedMemoryBytes, inventory.CommittedVirtualCpus), Is.EqualTo((2, 1536 * MiB, 5)));
        Assert.That(inventory.AvailableMemoryBytes, Is.EqualTo(2560 * MiB));
    }

    [Test]
    public async Task Placement_takes_the_fitting_host_with_the_most_memory_left_and_says_why_the_others_were_not_taken()
    {
        var small = Nodes.Host("small", 1024, 8);
        var busy = Nodes.Host("busy", 8192, 8, (7168, 2));
        var roomy = Nodes.Host("roomy", 6144, 8, (1024, 1));
        var emptier = Nodes.Host("emptier", 4096, 8);
        using var pool = new LibvirtHostPool(Options(small, busy, roomy, emptier));

        var placement = await pool.PlaceAsync(new NestedLabRequest { Level = NestedLabLevel.L2, MemoryBytes = 2048 * MiB, VirtualCpus = 2, RequireKvm = false });

        Assert.That(placement.Uri, Is.EqualTo(roomy), "5120 MiB left beats emptier's 4096");
        Assert.That(placement.Refusals.Select(r => r.Uri), Is.EqualTo(new[] { small, busy }));
        Assert.That(placement.Refusals.SelectMany(r => r.Shortfalls).Select(s => s.Kind), Has.All.EqualTo(PlacementShortfallKind.Memory));
        Assert.That(placement.Refusals[1].Shortfalls[0].Message, Does.Contain("needs 2048 MiB, 1024 MiB available (8192 MiB installed, 7168 MiB held by 1 running domains"));
    }

    [Test]
    public async Task A_refusal_names_every_host_and_every_reason()
    {
        var tiny = Nodes.Host("tiny", 512, 1);
        var crowded = Nodes.Host("crowded", 8192, 4, (1024, 3));
        var dead = NodeFiles.DeadUri;
        using var pool = new LibvirtHostPool(Options(tiny, crowded, dead));

        var refusal = (await Assert.ThrowsAsync<NestedLabPlacementException>(
            async () => await pool.PlaceAsync(new NestedLabRequest { Level = NestedLabLevel.L1, MemoryBytes = 2048 * MiB, VirtualCpus = 2 })))!;

        Assert.That(refusal.Refusals.Select(r => r.Uri), Is.EqualTo(new[] { tiny, crowded, dead }));
        Assert.That(refusal.Refusals[0].Shortfalls.Select(s => s.Kind), Is.EqualTo(new[] { PlacementShortfallKind.Memory, PlacementShortfallKind.Cpus, PlacementShortfallKind.Kvm, PlacementShortfallKind.HostPassthrough }));
        Assert.That(refusal.Refusals[1].Shortfalls.Select(s => s.Kind), Is.EqualTo(new[] { PlacementShortfallKind.Cpus, PlacementShortfallKind.Kvm, PlacementShortfallKind.HostPassthrough }));
        Assert.That(refusal.Refusals[1].Shortfalls[0].Message, Does.Contain("needs 2 vCPUs, 1 left (4 CPUs × 1 overcommit, 3 held by 1 running domains)"));
        Assert.That(refusal.Refusals[2].Shortfalls.Single().Kind, Is.EqualTo(PlacementShortfallKind.Unreachable));
        Assert.That(refusal.Message, Does.Contain(tiny).And.Contain(crowded).And.Contain(dead).And.Contain("no kvm domain type"));
        Assert.That(refusal.Request!.Level, Is.EqualTo(NestedLabLevel.L1));
    }

    [Test]
    public async Task Cpu_overcommit_lets_a_crowded_host_fit()
    {
        var crowded = Nodes.Host("crowded", 8192, 4, (1024, 3));
        using var pool = new LibvirtHostPool(Options(crowded));

        var placement = await pool.PlaceAsync(new NestedLabRequest { Level = NestedLabLevel.L2, MemoryBytes = 1024 * MiB, VirtualCpus = 2, RequireKvm = false, CpuOvercommit = 2 });

        Assert.That(placement.Uri, Is.EqualTo(crowded));
    }

    [TestCase(NestedLabLevel.L1, true, true, true)]
    [TestCase(NestedLabLevel.L1, true, false, false)]
    [TestCase(NestedLabLevel.L1, true, null, false)]
    [TestCase(NestedLabLevel.L1, false, null, false)]
    [TestCase(NestedLabLevel.L2, true, false, true)]
    [TestCase(NestedLabLevel.L2, true, null, true)]
    [TestCase(NestedLabLevel.L2, false, null, false)]
    public void Nested_readiness_rules_by_level(NestedLabLevel level, bool kvm, bool? passthrough, bool fits)
    {
        var inventory = Inventory("h", kvm, passthrough);
        var request = new NestedLabRequest { Level = level, MemoryBytes = 1024 * MiB, VirtualCpus = 1 };

        var shortfalls = NestedLabPlanner.Shortfalls(request, inventory);

        Assert.That(shortfalls, fits ? Is.Empty : Is.Not.Empty);
        Assert.That(shortfalls.Select(s => s.Kind), Is.SubsetOf(new[] { PlacementShortfallKind.Kvm, PlacementShortfallKind.HostPassthrough }));
    }

    [Test]
    public void Equal_hosts_are_chosen_by_uri_so_placement_is_deterministic()
    {
        var hosts = new[] { "qemu+tls://c/system", "qemu+tls://a/system", "qemu+tls://b/system" }
            .Select(uri => new LibvirtHostResult<LibvirtHostInventory> { Uri = uri, Value = Inventory(uri, true, true) }).ToList();

        var placement = NestedLabPlanner.Choose(new NestedLabRequest { Level = NestedLabLevel.L1, MemoryBytes = MiB, VirtualCpus = 1 }, hosts);

        Assert.That(placement.Uri, Is.EqualTo("qemu+tls://a/system"));
        Assert.That(placement.Refusals, Is.Empty);
    }

    [Test]
    public void An_empty_pool_refuses_saying_so()
    {
        using var pool = new LibvirtHostPool();

        Assert.That(
            async () => await pool.PlaceAsync(new NestedLabRequest { Level = NestedLabLevel.L1, MemoryBytes = MiB, VirtualCpus = 1 }),
            Throws.InstanceOf<NestedLabPlacementException>().With.Message.Contains("the pool has no hosts"));
    }

    private static LibvirtHostInventory Inventory(string uri, bool kvm, bool? passthrough) => new()
    {
        Uri = uri,
        Node = new LibvirtNodeInfo { CpuModel = "x86_64", MemoryBytes = 8192 * MiB, Cpus = 8, Mhz = 2000, NumaNodes = 1, Sockets = 1, CoresPerSocket = 8, ThreadsPerCore = 1 },
        Arch = "x86_64",
        HardwareVirtualization = true,
        KvmAvailable = kvm,
        HostPassthroughSupported = passthrough,
    };
}
