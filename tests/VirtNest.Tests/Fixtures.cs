using LibvirtNested.Testing;

namespace LibvirtNested.Cli.Tests;

/// <summary>Files of the repository the tests use: the L1 guest as virt-install leaves it and two perf kvm stat reports.</summary>
internal static class Fixtures
{
    public static string L1Xml => Path.Combine(RepositoryPaths.Root, "samples", "NestedLab", "Resources", "l1-virt-install.xml");

    public static string PerfBefore => Path.Combine(RepositoryPaths.Root, "samples", "NestedLab", "Resources", "perf-kvm-stat-before.txt");

    public static string PerfAfter => Path.Combine(RepositoryPaths.Root, "samples", "NestedLab", "Resources", "perf-kvm-stat-after.txt");
}
