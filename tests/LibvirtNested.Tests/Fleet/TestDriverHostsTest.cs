using LibvirtNested.Fleet;
using NUnit.Framework;

namespace LibvirtNested.Tests.Fleet;

/// <summary>A test over "hosts" that are test-driver node files (each its own memory, CPUs and domains), made afresh for every test.</summary>
public abstract class TestDriverHostsTest
{
    /// <summary>The node files of the running test.</summary>
    private protected NodeFiles Nodes { get; private set; } = null!;

    [SetUp]
    public void CreateNodes() => Nodes = new NodeFiles();

    [TearDown]
    public void DeleteNodes() => Nodes.Dispose();

    /// <summary>Pool options for <paramref name="uris"/>, with a short open-retry delay.</summary>
    internal static LibvirtHostPoolOptions Options(params string[] uris)
    {
        var options = new LibvirtHostPoolOptions { OpenRetryDelay = TimeSpan.FromMilliseconds(10) };
        foreach (var uri in uris)
        {
            options.Hosts.Add(uri);
        }

        return options;
    }
}
