using NUnit.Framework;

namespace LibvirtNested.Tests.Waits;

/// <summary>
/// <see cref="LibvirtDomain.WaitForStateAsync"/> on the in-process test driver: success, already-in-state,
/// timeout, cancellation, a transient domain that vanishes, and no subscription left behind in any case.
/// </summary>
public class WaitForStateTests : TestDriverFixture
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Returns_when_the_domain_starts_after_the_wait_began()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "w-start");

        var waiting = defined.Domain.WaitForStateAsync(DomainState.Running, Generous);
        Assert.That(waiting.IsCompleted, Is.False, "a shut-off domain is not running yet");
        defined.Domain.Start();
        var reached = await waiting;

        Assert.That(reached, Is.EqualTo(new DomainStateInfo(DomainState.Running, 1)), "running (booted)");
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task Paused_and_running_again_follow_suspend_and_resume()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "w-pause");
        defined.Domain.Start();

        var paused = defined.Domain.WaitForStateAsync(DomainState.Paused, Generous);
        defined.Domain.Suspend();
        var pausedState = await paused;
        var running = defined.Domain.WaitForStateAsync(DomainState.Running, Generous);
        defined.Domain.Resume();
        var runningState = await running;

        Assert.That(pausedState.ToString(), Is.EqualTo("Paused (user)"));
        Assert.That(runningState.ToString(), Is.EqualTo("Running (unpaused)"));
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_domain_already_in_the_state_returns_at_once_even_with_a_zero_timeout()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "w-already");

        var off = await defined.Domain.WaitForStateAsync(DomainState.ShutOff, TimeSpan.Zero);

        Assert.That(off.State, Is.EqualTo(DomainState.ShutOff));
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_state_never_reached_times_out_with_TimeoutException_naming_the_current_state()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "w-timeout");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => defined.Domain.WaitForStateAsync(DomainState.Running, TimeSpan.FromMilliseconds(200)));

        Assert.That(error!.Message, Does.Contain(defined.Domain.Name).And.Contain("ShutOff"));
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task Cancelling_ends_the_wait_with_OperationCanceledException_not_a_timeout()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "w-cancel");
        using var cancel = new CancellationTokenSource();

        var waiting = defined.Domain.WaitForStateAsync(DomainState.Running, Timeout.InfiniteTimeSpan, cancel.Token);
        await cancel.CancelAsync();

        await Assert.CatchAsync<OperationCanceledException>(() => waiting);
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task An_already_cancelled_token_subscribes_nothing()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "w-precancel");

        await Assert.CatchAsync<OperationCanceledException>(() => defined.Domain.WaitForStateAsync(DomainState.ShutOff, Generous, new CancellationToken(canceled: true)));

        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_negative_timeout_is_refused()
    {
        using var defined = TestDriver.Define(Connection, "w-negative");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => defined.Domain.WaitForStateAsync(DomainState.Running, TimeSpan.FromSeconds(-1)));
    }

    [Test]
    public async Task A_transient_domain_that_stops_and_vanishes_reads_as_shut_off_with_the_stop_reason()
    {
        var before = WaitAssert.Snapshot();
        var name = TestDriver.UniqueName("w-transient");
        using var domain = Connection.DefineDomain(TestDriver.DomainXmlText(name));
        domain.Start();
        domain.Undefine(); // Still running, now transient: destroying it removes it from the driver.

        var off = domain.WaitForStateAsync(DomainState.ShutOff, Generous);
        domain.Destroy();
        var reached = await off;

        Assert.That(reached.ToString(), Is.EqualTo("ShutOff (destroyed)"));
        Assert.Throws<LibvirtNotFoundException>(() => domain.GetState(), "the domain is gone");
        await Assert.ThrowsAsync<LibvirtNotFoundException>(() => domain.WaitForStateAsync(DomainState.Running, Generous), "a vanished domain never runs again");
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task Works_after_the_connection_object_was_disposed()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "w-noconn");
        Connection.Dispose();

        var waiting = defined.Domain.WaitForStateAsync(DomainState.Running, Generous);
        defined.Domain.Start();

        Assert.That((await waiting).State, Is.EqualTo(DomainState.Running));
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public void Stopping_a_stopped_domain_is_operation_invalid_on_the_test_driver_too()
    {
        // The test driver says "internal error: domain 'x' not running" (qemu: VIR_ERR_OPERATION_INVALID); before the
        // mapping this was a plain LibvirtException, unlike the documented type.
        using var defined = TestDriver.Define(Connection, "w-notrunning");

        Assert.Throws<LibvirtOperationInvalidException>(defined.Domain.Shutdown);
        Assert.Throws<LibvirtOperationInvalidException>(defined.Domain.Suspend);
        defined.Domain.Start();
        Assert.Throws<LibvirtOperationInvalidException>(defined.Domain.Resume);
    }
}
