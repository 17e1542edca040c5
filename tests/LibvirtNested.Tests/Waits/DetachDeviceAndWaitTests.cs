using NUnit.Framework;

namespace LibvirtNested.Tests.Waits;

/// <summary>
/// <see cref="LibvirtDomain.DetachDeviceAndWaitAsync"/>. The test driver of libvirt 9.0.0 has no device detach at all
/// (<c>virDomainDetachDeviceAlias</c> is unsupported), so the public call is checked for its typed refusal, and the wait
/// itself through <c>DetachDeviceAndWaitCoreAsync</c> with a detach that emits what qemu emits, through libvirt's
/// native callback entry points.
/// </summary>
public class DetachDeviceAndWaitTests : TestDriverFixture
{
    private const string Alias = "virtio-disk1";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Test]
    public async Task The_test_driver_refuses_the_detach_typed_and_nothing_leaks()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "dd-unsupported");
        defined.Domain.Start();

        await Assert.ThatAsync(() => defined.Domain.DetachDeviceAndWaitAsync("virtio-disk0", Generous), Throws.TypeOf<LibvirtUnsupportedOperationException>());

        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task Completes_on_the_removal_of_its_own_alias_only()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "dd-removed");
        defined.Domain.Start();
        using (var inject = new InjectedDomainEvents(Connection, defined.Domain))
        {
            var waiting = defined.Domain.DetachDeviceAndWaitCoreAsync(Alias, Generous, DomainModificationScope.Live, () => inject.DeviceRemoved("virtio-disk7"), CancellationToken.None);
            await Task.Yield();
            Assert.That(waiting.IsCompleted, Is.False, "another device's removal does not complete it");

            inject.DeviceRemoved(Alias);
            await waiting;
        }

        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_removal_reported_during_the_detach_call_is_not_missed()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "dd-during");
        defined.Domain.Start();
        using (var inject = new InjectedDomainEvents(Connection, defined.Domain))
        {
            // qemu waits a few seconds inside the call and reports a quick removal before the call returns.
            await defined.Domain.DetachDeviceAndWaitCoreAsync(Alias, Generous, DomainModificationScope.Live, () => inject.DeviceRemoved(Alias), CancellationToken.None);
        }

        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_zero_timeout_still_sends_the_detach_and_accepts_a_removal_reported_during_the_call()
    {
        // Before: the zero deadline cancelled the call before it was sent, and a buffered removal was never read.
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "dd-zero");
        defined.Domain.Start();
        var sent = false;
        using (var inject = new InjectedDomainEvents(Connection, defined.Domain))
        {
            await defined.Domain.DetachDeviceAndWaitCoreAsync(
                Alias,
                TimeSpan.Zero,
                DomainModificationScope.Live,
                () =>
                {
                    sent = true;
                    inject.DeviceRemoved(Alias);
                },
                CancellationToken.None);
        }

        Assert.That(sent, Is.True);
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task Removal_failed_throws_LibvirtDeviceRemovalException_naming_the_device()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "dd-failed");
        defined.Domain.Start();
        using (var inject = new InjectedDomainEvents(Connection, defined.Domain))
        {
            var error = await CatchRemoval(defined.Domain.DetachDeviceAndWaitCoreAsync(Alias, Generous, DomainModificationScope.Live, () => inject.DeviceRemovalFailed(Alias), CancellationToken.None));

            Assert.That(error.TimedOut, Is.False);
            Assert.That(error.DeviceAlias, Is.EqualTo(Alias));
            Assert.That(error.DetachedDomain, Is.EqualTo(defined.Domain.Name));
            Assert.That(error.Message, Does.Contain("DEVICE_REMOVAL_FAILED"));
        }

        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task No_removal_within_the_timeout_throws_LibvirtDeviceRemovalException_with_TimedOut()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "dd-timeout");
        defined.Domain.Start();

        var error = await CatchRemoval(defined.Domain.DetachDeviceAndWaitCoreAsync(Alias, TimeSpan.FromMilliseconds(200), DomainModificationScope.Live, () => { }, CancellationToken.None));

        Assert.That(error.TimedOut, Is.True);
        Assert.That(error.InnerException, Is.TypeOf<TimeoutException>());
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task Cancelling_ends_the_wait_with_OperationCanceledException()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "dd-cancel");
        defined.Domain.Start();
        using var cancel = new CancellationTokenSource();

        var waiting = defined.Domain.DetachDeviceAndWaitCoreAsync(Alias, Timeout.InfiniteTimeSpan, DomainModificationScope.Live, () => { }, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThatAsync(() => waiting, Throws.InstanceOf<OperationCanceledException>());
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_definition_only_detach_does_not_wait_for_an_event()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "dd-config");
        var called = 0;

        // Stopped domain with Current, and Config on a running one: libvirt changes the definition within the call.
        await defined.Domain.DetachDeviceAndWaitCoreAsync(Alias, Generous, DomainModificationScope.Current, () => called++, CancellationToken.None);
        defined.Domain.Start();
        await defined.Domain.DetachDeviceAndWaitCoreAsync(Alias, Generous, DomainModificationScope.Config, () => called++, CancellationToken.None);

        Assert.That(called, Is.EqualTo(2));
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task Arguments_are_refused_before_anything_is_sent()
    {
        using var defined = TestDriver.Define(Connection, "dd-args");

        await Assert.ThatAsync(() => defined.Domain.DetachDeviceAndWaitAsync(string.Empty, Generous), Throws.ArgumentException);
        await Assert.ThatAsync(() => defined.Domain.DetachDeviceAndWaitAsync("a\0b", Generous), Throws.ArgumentException);
        await Assert.ThatAsync(() => defined.Domain.DetachDeviceAndWaitAsync(Alias, Generous, (DomainModificationScope)8), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    private static async Task<LibvirtDeviceRemovalException> CatchRemoval(Task detach)
    {
        try
        {
            await detach;
        }
        catch (LibvirtDeviceRemovalException e)
        {
            return e;
        }

        Assert.Fail("LibvirtDeviceRemovalException expected");
        throw new InvalidOperationException("unreachable");
    }
}
