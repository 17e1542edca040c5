using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary>
/// Holds a connection to test:///default for the whole fixture: the test driver keeps its state only while a
/// connection is open, so without it what one virt-nest run defines would be gone before the test reads it back.
/// </summary>
public abstract class TestDriverFixture
{
    protected LibvirtConnection Connection { get; private set; } = null!;

    [OneTimeSetUp]
    public void OpenTestDriver() => Connection = LibvirtConnection.Open(Cli.TestUri);

    [OneTimeTearDown]
    public void CloseTestDriver() => Connection.Dispose();
}
