using System.Text.Json;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary><c>virt-nest -c test:///default edit DOMAIN</c>: the atomic edit of a defined domain, checked by reading its definition back.</summary>
[TestFixture]
public sealed class EditDomainTests
{
    private LibvirtConnection connection = null!;
    private string name = null!;

    [SetUp]
    public void DefineGuest()
    {
        connection = LibvirtConnection.Open(Cli.TestUri);
        name = Cli.UniqueName("l1");
        var l1 = DomainXml.Load(Fixtures.L1Xml);
        l1.Name = name;
        connection.DefineDomain(l1).Dispose();
    }

    [TearDown]
    public void Undefine()
    {
        if (connection.TryGetDomain(name, out var domain))
        {
            using (domain)
            {
                domain!.Undefine();
            }
        }

        connection.Dispose();
    }

    private string Definition()
    {
        using var domain = connection.GetDomain(name);
        return domain.GetInactiveXmlString();
    }

    [Test]
    public void Edit_defines_the_change_and_a_second_run_changes_nothing()
    {
        var result = Cli.OnTestDriver("edit", name, "--host-passthrough", "--virtio-scsi", "--network", "nested-bridge");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Is.EqualTo($"Domain '{name}' defined with the edit.\n"));
        var defined = DomainXml.Parse(Definition());
        Assert.That(defined.Cpu?.Mode, Is.EqualTo(DomainCpuMode.HostPassthrough));
        Assert.That(defined.Devices.Controllers.Count(c => c.Model?.Value == "virtio-scsi"), Is.EqualTo(1));
        Assert.That(defined.Devices.Interfaces.Count(i => i.Source?.Network == "nested-bridge"), Is.EqualTo(1));
        var once = Definition();

        var again = Cli.OnTestDriver("edit", name, "--host-passthrough", "--virtio-scsi", "--network", "nested-bridge", "--json");

        Assert.That(again.ExitCode, Is.Zero, again.ToString);
        using var json = JsonDocument.Parse(again.Output);
        Assert.That(json.RootElement.GetProperty("kind").GetString(), Is.EqualTo("domain"));
        Assert.That(json.RootElement.GetProperty("changed").GetBoolean(), Is.False);
        Assert.That(Definition(), Is.EqualTo(once));
    }

    [Test]
    public void Print_diff_and_dry_run_leave_the_definition_alone()
    {
        var original = Definition();

        var diff = Cli.OnTestDriver("edit", name, "--host-passthrough", "--print-diff");
        var dry = Cli.OnTestDriver("edit", name, "--host-passthrough", "--dry-run");

        Assert.That(diff.ExitCode, Is.Zero, diff.ToString);
        Assert.That(diff.Output, Does.Contain("+  <cpu mode='host-passthrough'"));
        Assert.That(dry.ExitCode, Is.Zero, dry.ToString);
        Assert.That(dry.Output, Does.Contain("would change"));
        Assert.That(Definition(), Is.EqualTo(original));
    }

    [Test]
    public void A_lun_on_the_test_driver_is_added_with_a_note_that_it_cannot_be_checked()
    {
        var result = Cli.OnTestDriver("edit", name, "--lun", "/dev/sdb");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Error, Does.Contain("/dev/sdb not checked for safety").And.Contain("test driver"));
        Assert.That(Definition(), Does.Contain("<source dev='/dev/sdb'/>"));
    }

    [Test]
    public void Device_check_require_fails_where_the_check_cannot_run_and_changes_nothing()
    {
        var original = Definition();

        var result = Cli.OnTestDriver("edit", name, "--host-passthrough", "--lun", "/dev/sdb", "--device-check", "require");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.DeviceUnsafe), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain("cannot be checked from here"));
        Assert.That(Definition(), Is.EqualTo(original));
    }

    [Test]
    public void A_failing_edit_is_atomic_on_the_connection()
    {
        var original = Definition();

        var result = Cli.OnTestDriver("edit", name, "--host-passthrough", "--network", "bad/name");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(Definition(), Is.EqualTo(original), "the host-passthrough change before the failure was not defined");
    }

    [Test]
    public void An_unknown_domain_is_not_found_in_one_paragraph_naming_it_and_the_connection()
    {
        var result = Cli.OnTestDriver("edit", "no-such-guest", "--host-passthrough");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.NotFound), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain("'no-such-guest'").And.Contain("test:///default"));
    }

    [Test]
    public void A_connection_that_cannot_be_opened_exits_9_with_libvirts_reason()
    {
        var result = Cli.Run("-c", "nosuchdriver:///nowhere", "edit", name, "--host-passthrough");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.ConnectionFailed), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain("VIR_ERR_"));
    }

    [Test]
    public void Debug_adds_the_stack_trace_after_the_paragraph()
    {
        var result = Cli.OnTestDriver("--debug", "edit", "no-such-guest", "--host-passthrough");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.NotFound), result.ToString);
        Assert.That(result.Error, Does.StartWith("virt-nest: error: "));
        Assert.That(result.Error, Does.Contain("CommandFailedException").And.Contain("   at "));
    }
}
