using NUnit.Framework;

namespace LibvirtNested.Tests;

public class LibvirtDomainAddressesTests : TestDriverFixture
{
    [Test]
    public void Test_driver_reports_made_up_addresses_for_each_interface_of_a_running_domain()
    {
        using var defined = DefineWithInterface("52:54:00:00:00:a1");
        defined.Domain.Start();

        var interfaces = defined.Domain.GetInterfaceAddresses(DomainAddressSource.Lease);

        Assert.That(interfaces, Has.Count.EqualTo(1));
        Assert.That(interfaces[0].MacAddress, Is.EqualTo("52:54:00:00:00:a1"));
        Assert.That(interfaces[0].Addresses, Is.Not.Empty);
        Assert.That(interfaces[0].Addresses[0].Prefix, Is.InRange(1, 128));
    }

    [Test]
    public void Addresses_of_a_stopped_domain_are_operation_invalid()
    {
        using var defined = DefineWithInterface("52:54:00:00:00:a2");

        Assert.Throws<LibvirtOperationInvalidException>(() => defined.Domain.GetInterfaceAddresses());
    }

    [Test]
    public async Task WaitForAddressesAsync_returns_once_every_interface_has_an_address()
    {
        using var defined = DefineWithInterface("52:54:00:00:00:a3");
        defined.Domain.Start();
        var reports = 0;

        var interfaces = await defined.Domain.WaitForAddressesAsync(
            TimeSpan.FromSeconds(10),
            new DomainAddressWaitOptions { Progress = new SynchronousProgress(() => reports++) });

        Assert.That(interfaces.Single().Addresses, Is.Not.Empty);
        Assert.That(reports, Is.EqualTo(1));
    }

    [Test]
    public void WaitForAddressesAsync_times_out_for_an_interface_that_never_gets_one()
    {
        using var defined = DefineWithInterface("52:54:00:00:00:a4");
        defined.Domain.Start();

        var options = new DomainAddressWaitOptions { Interfaces = ["52:54:00:ff:ff:ff"], PollInterval = TimeSpan.FromMilliseconds(20) };

        Assert.That(
            () => defined.Domain.WaitForAddressesAsync(TimeSpan.FromMilliseconds(100), options),
            Throws.TypeOf<TimeoutException>().With.Message.Contain("52:54:00:ff:ff:ff"));
    }

    [Test]
    public void WaitForAddressesAsync_honours_cancellation()
    {
        using var defined = DefineWithInterface("52:54:00:00:00:a5");
        defined.Domain.Start();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var options = new DomainAddressWaitOptions { Interfaces = ["never"], PollInterval = TimeSpan.FromMilliseconds(10) };

        Assert.That(
            () => defined.Domain.WaitForAddressesAsync(TimeSpan.FromSeconds(30), options, cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task WaitForAddressesAsync_with_TimeSpan_MaxValue_waits_without_overflowing()
    {
        using var defined = DefineWithInterface("52:54:00:00:00:a6");
        defined.Domain.Start();

        // Before: DateTime.UtcNow + TimeSpan.MaxValue threw ArgumentOutOfRangeException.
        var interfaces = await defined.Domain.WaitForAddressesAsync(TimeSpan.MaxValue);

        Assert.That(interfaces.Single().Addresses, Is.Not.Empty);
    }

    [Test]
    public void WaitForAddressesAsync_with_an_infinite_timeout_waits_until_cancelled()
    {
        using var defined = DefineWithInterface("52:54:00:00:00:a7");
        defined.Domain.Start();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var options = new DomainAddressWaitOptions { Interfaces = ["never"], PollInterval = TimeSpan.FromMilliseconds(10) };

        // Before: the deadline (now - 1 ms) had passed at once, so an infinite wait was a TimeoutException.
        Assert.That(
            () => defined.Domain.WaitForAddressesAsync(Timeout.InfiniteTimeSpan, options, cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void WaitForAddressesAsync_with_a_zero_timeout_polls_once()
    {
        using var defined = DefineWithInterface("52:54:00:00:00:a8");
        defined.Domain.Start();
        var polls = 0;
        var options = new DomainAddressWaitOptions { Interfaces = ["never"], Progress = new SynchronousProgress(() => polls++) };

        Assert.That(() => defined.Domain.WaitForAddressesAsync(TimeSpan.Zero, options), Throws.TypeOf<TimeoutException>());
        Assert.That(polls, Is.EqualTo(1));
    }

    [TestCase(-2)]
    [TestCase(-1000)]
    public void WaitForAddressesAsync_refuses_a_negative_timeout_other_than_infinite(int milliseconds)
    {
        using var defined = DefineWithInterface($"52:54:00:00:00:{-milliseconds % 100:x2}");

        Assert.That(
            () => defined.Domain.WaitForAddressesAsync(TimeSpan.FromMilliseconds(milliseconds)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("timeout"));
    }

    [Test]
    public void A_zero_poll_interval_is_raised_to_the_minimum_instead_of_spinning()
    {
        using var defined = DefineWithInterface("52:54:00:00:00:a9");
        defined.Domain.Start();
        var polls = 0;
        var options = new DomainAddressWaitOptions
        {
            Interfaces = ["never"],
            PollInterval = TimeSpan.Zero,
            Progress = new SynchronousProgress(() => polls++),
        };

        Assert.That(() => defined.Domain.WaitForAddressesAsync(TimeSpan.FromMilliseconds(500), options), Throws.TypeOf<TimeoutException>());

        // 500 ms at no less than 50 ms per poll: at most 11 polls (a spinning loop makes thousands).
        Assert.That(polls, Is.InRange(2, 11));
        Assert.That(options.EffectivePollInterval, Is.EqualTo(DomainAddressWaitOptions.MinimumPollInterval));
    }

    [Test]
    public void The_sleep_before_a_poll_is_never_shorter_than_one_millisecond()
    {
        // Task.Delay truncates to whole milliseconds: a sub-millisecond remainder became Delay(0), which completes
        // at once, and the loop polled libvirt hundreds of times in its last millisecond (seen as 230 polls in a
        // 500 ms wait on a loaded machine). Every remainder from one tick to 3 ms, against several intervals:
        var intervals = new[] { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromTicks(1) };
        for (long ticks = 1; ticks <= 30_000; ticks += 7)
        {
            var remaining = TimeSpan.FromTicks(ticks);
            foreach (var interval in intervals)
            {
                var delay = LibvirtDomain.NextPollDelay(interval, remaining);

                Assert.That(delay, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1)), $"remaining {remaining}, interval {interval}");
                Assert.That(delay.Ticks % TimeSpan.TicksPerMillisecond, Is.Zero, "whole milliseconds, so Task.Delay does not truncate");
                Assert.That(delay, Is.LessThanOrEqualTo(TimeSpan.FromMilliseconds(Math.Ceiling(Math.Max(1, Math.Min(interval.TotalMilliseconds, remaining.TotalMilliseconds))))));
            }
        }

        Assert.That(LibvirtDomain.NextPollDelay(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3)), Is.EqualTo(TimeSpan.FromMilliseconds(50)));
        Assert.That(LibvirtDomain.NextPollDelay(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(20.2)), Is.EqualTo(TimeSpan.FromMilliseconds(21)));
    }

    [Test]
    public void An_infinite_poll_interval_still_ends_at_the_timeout()
    {
        using var defined = DefineWithInterface("52:54:00:00:00:aa");
        defined.Domain.Start();
        var options = new DomainAddressWaitOptions { Interfaces = ["never"], PollInterval = Timeout.InfiniteTimeSpan };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Before: Task.Delay(min(remaining, -1 ms)) waited for ever... or threw for remaining > 49 days.
        Assert.That(() => defined.Domain.WaitForAddressesAsync(TimeSpan.FromMilliseconds(200), options), Throws.TypeOf<TimeoutException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        Assert.That(options.EffectivePollInterval, Is.EqualTo(DomainAddressWaitOptions.MaximumPollInterval));
    }

    [Test]
    public void A_negative_poll_interval_other_than_infinite_is_refused()
    {
        Assert.That(() => new DomainAddressWaitOptions { PollInterval = TimeSpan.FromMilliseconds(-5) }, Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(new DomainAddressWaitOptions { PollInterval = Timeout.InfiniteTimeSpan }.PollInterval, Is.EqualTo(Timeout.InfiniteTimeSpan));
    }

    [Test]
    public void HasAll_matches_by_mac_or_name_and_requires_an_address()
    {
        var withAddress = new DomainInterfaceAddresses
        {
            Name = "vnet0",
            MacAddress = "52:54:00:AA:00:01",
            Addresses = [new DomainIPAddress { Address = System.Net.IPAddress.Parse("192.168.166.130"), Prefix = 24 }],
        };
        var without = new DomainInterfaceAddresses { Name = "vnet1", MacAddress = "52:54:00:aa:00:02" };

        Assert.That(LibvirtDomain.HasAll([withAddress, without], ["52:54:00:aa:00:01"]), Is.True);
        Assert.That(LibvirtDomain.HasAll([withAddress, without], ["vnet0"]), Is.True);
        Assert.That(LibvirtDomain.HasAll([withAddress, without], ["vnet1"]), Is.False);
        Assert.That(LibvirtDomain.HasAll([withAddress, without], []), Is.False);
        Assert.That(LibvirtDomain.HasAll([withAddress], []), Is.True);
        Assert.That(LibvirtDomain.HasAll([], []), Is.False);
        Assert.That(withAddress.Addresses[0].ToString(), Is.EqualTo("192.168.166.130/24"));
    }

    private TestDriver.DefinedDomain DefineWithInterface(string mac)
    {
        var xml = TestDriver.Domain(TestDriver.UniqueName("addr"));
        var devices = xml.Element.Element("devices")!;
        devices.Add(System.Xml.Linq.XElement.Parse($"<interface type='network'><mac address='{mac}'/><source network='default'/><model type='virtio'/></interface>"));
        return new TestDriver.DefinedDomain(Connection.DefineDomain(xml));
    }

    private sealed class SynchronousProgress(Action report) : IProgress<IReadOnlyList<DomainInterfaceAddresses>>
    {
        public void Report(IReadOnlyList<DomainInterfaceAddresses> value) => report();
    }
}
