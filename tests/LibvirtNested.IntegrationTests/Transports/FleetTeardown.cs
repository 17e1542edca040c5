using NUnit.Framework;

namespace LibvirtNested.IntegrationTests.Transports;

/// <summary>Stops the transport tests' fleet once every test of this namespace has run.</summary>
[SetUpFixture]
public sealed class FleetTeardown
{
    [OneTimeTearDown]
    public void StopFleet() => Fleet.Stop();
}
