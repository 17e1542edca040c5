using System.Net;
using System.Text.Json;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary>
/// <c>virt-nest addr</c> on test:///default, whose running guest "test" has made-up addresses (the test driver's
/// domifaddr); a defined-but-stopped guest has none, so a wait for it times out.
/// </summary>
[TestFixture]
public sealed class AddrTests : TestDriverFixture
{
    private static List<DomainInterfaceAddresses> Expected()
    {
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        using var domain = connection.GetDomain("test");
        return domain.GetInterfaceAddresses().ToList();
    }

    [Test]
    public void Addr_prints_one_line_per_address()
    {
        var expected = Expected();

        var result = Cli.OnTestDriver("addr", "test");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var lines = expected.SelectMany(nic => nic.Addresses.Select(a => $"{nic.Name} {nic.MacAddress ?? "-"} {a.Address}/{a.Prefix}")).ToList();
        Assert.That(lines, Is.Not.Empty);
        Assert.That(result.Output, Is.EqualTo(string.Join("", lines.Select(l => l + "\n"))));
    }

    [Test]
    public void Addr_wait_returns_the_addresses_with_progress_on_stderr_and_json_on_stdout()
    {
        var expected = Expected();

        var result = Cli.OnTestDriver("addr", "test", "--wait", "60", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Error, Does.Contain("Waiting up to 60s"));
        using var json = JsonDocument.Parse(result.Output);
        var nics = json.RootElement.EnumerateArray().ToList();
        Assert.That(nics.Select(n => n.GetProperty("name").GetString()), Is.EqualTo(expected.Select(n => n.Name)));
        var addresses = nics.SelectMany(n => n.GetProperty("addresses").EnumerateArray()).ToList();
        Assert.That(addresses.Select(a => IPAddress.Parse(a.GetProperty("address").GetString()!)), Is.EqualTo(expected.SelectMany(n => n.Addresses).Select(a => a.Address)));
        Assert.That(addresses.Select(a => a.GetProperty("prefix").GetInt32()), Is.EqualTo(expected.SelectMany(n => n.Addresses).Select(a => a.Prefix)));
    }

    [Test]
    public void Quiet_suppresses_the_progress_but_not_the_data()
    {
        var result = Cli.OnTestDriver("-q", "addr", "test", "--wait");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Error, Is.Empty);
        Assert.That(result.Output, Is.Not.Empty);
    }

    [Test]
    public void Waiting_for_an_interface_that_never_gets_an_address_times_out_with_exit_7()
    {
        var result = Cli.OnTestDriver("addr", "test", "--wait", "3s", "--interface", "no-such-nic");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.TimedOut), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain("within 3s").And.Contain("Waiting up to 3s"));
        Assert.That(result.Output, Is.Empty);
    }

    [Test]
    public void A_stopped_guest_is_an_operation_error_in_one_paragraph()
    {
        var name = Cli.UniqueName("stopped");
        Assert.That(Cli.OnTestDriver("create", name, "-r", "64", "--no-start").ExitCode, Is.Zero);
        try
        {
            var result = Cli.OnTestDriver("addr", name);

            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failed), result.ToString);
            Cli.AssertOneErrorParagraph(result);
        }
        finally
        {
            using var connection = LibvirtConnection.Open(Cli.TestUri);
            using var domain = connection.GetDomain(name);
            domain.Undefine();
        }
    }

    [TestCase("90", 90)]
    [TestCase("90s", 90)]
    [TestCase("5m", 300)]
    [TestCase("1h", 3600)]
    [TestCase(null, 120)]
    public void Timeouts_read_as_seconds_or_with_a_unit(string? text, int seconds) =>
        Assert.That(Commands.AddrCommand.ParseTimeout(text), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase("soon")]
    [TestCase("-5")]
    [TestCase("5d")]
    [TestCase("99999999999")]
    public void A_malformed_timeout_is_a_usage_error(string text)
    {
        var result = Cli.OnTestDriver("addr", "test", "--wait", text);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Cli.AssertOneErrorParagraph(result);
    }
}
