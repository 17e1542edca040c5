using LibvirtNested.Testing;
using LibvirtNested.Testing.Fleet;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests.Transports;

/// <summary>
/// The fleet the transport tests share: two daemons (scripts/libvirtd-fleet.sh, prefix <c>lvtransp</c> so it never
/// meets another run's fleet), started on first use and stopped by <see cref="FleetTeardown"/>. Daemon 1 serves the
/// transport tests; daemon 2 is the one the harness tests kill and restart. Without root or the fleet's packages
/// the tests skip and say why; on CI (<c>CI=true</c>) they fail instead.
/// </summary>
internal static class Fleet
{
    public const string Prefix = "lvtransp";

    private static readonly Lock Gate = new();
    private static LibvirtFleet? running;
    private static string? failure;

    /// <summary>The running fleet, started now if need be; skips (fails on CI) the calling test when it cannot start.</summary>
    public static LibvirtFleet Get()
    {
        lock (Gate)
        {
            if (running is null && failure is null)
            {
                failure = LibvirtFleet.UnavailableReason;
                if (failure is null)
                {
                    try
                    {
                        running = LibvirtFleet.Start(2, new LibvirtFleetOptions { Prefix = Prefix });
                        TestContext.Progress.WriteLine($"fleet of {running.Count} started in {running.StartTime.TotalSeconds:0.0} s");
                    }
                    catch (InvalidOperationException e)
                    {
                        failure = "scripts/libvirtd-fleet.sh could not start the fleet: " + e.Message;
                    }
                }
            }

            if (running is null)
            {
                if (RepositoryPaths.IsCi)
                {
                    Assert.Fail($"The transport tests must run on CI, but: {failure}");
                }

                Assert.Ignore(failure!);
            }

            return running!;
        }
    }

    /// <summary>The daemon the transport tests talk to.</summary>
    public static FleetDaemon Daemon => Get().Daemons[0];

    /// <summary>Stops the fleet, if one was started.</summary>
    public static void Stop()
    {
        lock (Gate)
        {
            running?.Dispose();
            running = null;
        }
    }
}
