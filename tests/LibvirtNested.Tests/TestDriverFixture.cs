using NUnit.Framework;

namespace LibvirtNested.Tests;

/// <summary>A fixture whose every test gets its own connection to the in-process test driver.</summary>
public abstract class TestDriverFixture
{
    private LibvirtConnection? connection;

    /// <summary>The open connection of the running test.</summary>
    protected LibvirtConnection Connection => connection ?? throw new InvalidOperationException("No test is running.");

    [SetUp]
    public void OpenConnection() => connection = LibvirtConnection.Open(TestDriver.Uri);

    [TearDown]
    public void CloseConnection()
    {
        connection?.Dispose();
        connection = null;
    }
}
