using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests;

/// <summary><see cref="LibvirtConnectionOptions"/> and <see cref="LibvirtConnection.Open(string, LibvirtConnectionOptions?)"/> on the test driver.</summary>
public class LibvirtConnectionOptionsTests
{
    [Test]
    public void Defaults_are_libvirtds_own_keepalive_settings()
    {
        var options = new LibvirtConnectionOptions();

        Assert.That(options.KeepAliveInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(options.KeepAliveCount, Is.EqualTo(5));
        Assert.That(KeepAliveSettings.From(null), Is.EqualTo(KeepAliveSettings.From(options)));
        Assert.That(KeepAliveSettings.From(null).Enabled, Is.True);
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    public void Zero_and_infinite_intervals_turn_keepalive_off(double seconds)
    {
        var interval = seconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);

        var settings = KeepAliveSettings.From(new LibvirtConnectionOptions { KeepAliveInterval = interval });

        Assert.That(settings.Enabled, Is.False);
    }

    [TestCase(1.5)]
    [TestCase(0.25)]
    [TestCase(-2.0)]
    public void An_interval_libvirt_cannot_express_is_refused_by_open(double seconds)
    {
        var options = new LibvirtConnectionOptions { KeepAliveInterval = TimeSpan.FromSeconds(seconds) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LibvirtConnection.Open(TestDriver.Uri, options).Dispose());

        Assert.That(error!.ParamName, Is.EqualTo("options"));
        Assert.That(error.Message, Does.Contain("KeepAliveInterval"));
    }

    [Test]
    public void A_negative_count_is_refused_by_open()
    {
        var options = new LibvirtConnectionOptions { KeepAliveCount = -1 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LibvirtConnection.Open(TestDriver.Uri, options).Dispose());

        Assert.That(error!.Message, Does.Contain("KeepAliveCount"));
    }

    [Test]
    public void Open_with_options_gives_a_working_connection_on_the_in_process_driver()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { KeepAliveInterval = TimeSpan.FromSeconds(1), KeepAliveCount = 0 });

        Assert.That(connection.IsAlive, Is.True);
        Assert.That(connection.DriverType, Is.EqualTo("TEST"));
    }

    [TestCase("test:///default", true)]
    [TestCase("TEST:///default", true)]
    [TestCase("test+unix:///default", false)]
    [TestCase("qemu:///system", false)]
    [TestCase("qemu+ssh://host/system", false)]
    [TestCase("", false)]
    [TestCase("testing:///x", false)]
    public void Only_the_test_driver_without_a_transport_counts_as_in_process(string uri, bool inProcess) =>
        Assert.That(KeepAliveSettings.IsInProcess(uri), Is.EqualTo(inProcess));
}
