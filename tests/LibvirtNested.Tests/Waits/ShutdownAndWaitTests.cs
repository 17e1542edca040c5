using NUnit.Framework;

namespace LibvirtNested.Tests.Waits;

/// <summary>
/// <see cref="LibvirtDomain.ShutdownAndWaitAsync"/> on the test driver. A guest that ignores the request is one
/// with <c>&lt;on_poweroff&gt;restart&lt;/on_poweroff&gt;</c>: the test driver's shutdown then leaves it running.
/// </summary>
public class ShutdownAndWaitTests : TestDriverFixture
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_running_guest_shuts_down()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "sd-ok");
        defined.Domain.Start();

        var outcome = await defined.Domain.ShutdownAndWaitAsync(Generous);

        Assert.That(outcome, Is.EqualTo(DomainShutdownOutcome.ShutDown));
        Assert.That(defined.Domain.GetState().ToString(), Is.EqualTo("ShutOff (shutdown)"));
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_shut_off_guest_is_left_alone()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "sd-off");

        var outcome = await defined.Domain.ShutdownAndWaitAsync(Generous, new DomainShutdownOptions { DestroyOnTimeout = true });

        Assert.That(outcome, Is.EqualTo(DomainShutdownOutcome.AlreadyShutOff));
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_guest_that_ignores_the_request_is_destroyed_after_the_timeout_when_asked()
    {
        var before = WaitAssert.Snapshot();
        using var domain = DefineIgnoringShutdown("sd-destroy");
        domain.Start();

        var outcome = await domain.ShutdownAndWaitAsync(TimeSpan.FromMilliseconds(300), new DomainShutdownOptions { DestroyOnTimeout = true });

        Assert.That(outcome, Is.EqualTo(DomainShutdownOutcome.Destroyed));
        Assert.That(domain.GetState().ToString(), Is.EqualTo("ShutOff (destroyed)"));
        domain.Undefine();
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_guest_that_ignores_the_request_times_out_and_keeps_running_without_DestroyOnTimeout()
    {
        var before = WaitAssert.Snapshot();
        using var domain = DefineIgnoringShutdown("sd-timeout");
        domain.Start();

        await Assert.ThrowsAsync<TimeoutException>(() => domain.ShutdownAndWaitAsync(TimeSpan.FromMilliseconds(300)));

        Assert.That(domain.GetState().State, Is.EqualTo(DomainState.Running));
        domain.Destroy();
        domain.Undefine();
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task Cancelling_stops_the_wait_and_destroys_nothing()
    {
        var before = WaitAssert.Snapshot();
        using var domain = DefineIgnoringShutdown("sd-cancel");
        domain.Start();
        using var cancel = new CancellationTokenSource();

        var waiting = domain.ShutdownAndWaitAsync(Timeout.InfiniteTimeSpan, new DomainShutdownOptions { DestroyOnTimeout = true }, cancel.Token);
        await cancel.CancelAsync();

        await Assert.CatchAsync<OperationCanceledException>(() => waiting);
        Assert.That(domain.GetState().State, Is.EqualTo(DomainState.Running));
        domain.Destroy();
        domain.Undefine();
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_mode_the_driver_refuses_fails_with_libvirts_error_and_leaks_nothing()
    {
        // The test driver accepts no virDomainShutdownFlags flags (virCheckFlags(0)).
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "sd-mode");
        defined.Domain.Start();

        var error = await Assert.CatchAsync<LibvirtException>(() => defined.Domain.ShutdownAndWaitAsync(Generous, new DomainShutdownOptions { Mode = DomainShutdownMode.GuestAgent }));

        Assert.That(error!.Function, Is.EqualTo("virDomainShutdownFlags"));
        Assert.That(defined.Domain.GetState().State, Is.EqualTo(DomainState.Running));
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task An_unknown_mode_flag_is_refused_before_anything_is_sent()
    {
        using var defined = TestDriver.Define(Connection, "sd-badmode");
        defined.Domain.Start();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => defined.Domain.ShutdownAndWaitAsync(Generous, new DomainShutdownOptions { Mode = (DomainShutdownMode)(1 << 20) }));
        Assert.That(defined.Domain.GetState().State, Is.EqualTo(DomainState.Running));
    }

    private LibvirtDomain DefineIgnoringShutdown(string prefix)
    {
        var xml = TestDriver.DomainXmlText(TestDriver.UniqueName(prefix)).Replace("</os>", "</os>\n  <on_poweroff>restart</on_poweroff>", StringComparison.Ordinal);
        return Connection.DefineDomain(xml);
    }
}
