using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>The atomic <c>virsh edit</c> equivalent against the real qemu driver.</summary>
[DependsOnFixture(typeof(CapabilitiesTests), AllowFailure = true)]
public class EditTests
{
    [Test]
    public void Edit_the_qemu_driver_rejects_leaves_the_definition_byte_identical_and_says_why()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var domain = cleanup.Track(connection.DefineDomain(Guests.Minimal(Daemon.UniqueName("edit-rejected"))));
        var before = domain.GetInactiveXmlString(DomainXmlOptions.Secure);

        // Schema-valid and fine for the typed model, but beyond what the machine type can hold: only the driver knows.
        var error = Assert.Throws<LibvirtUnsupportedConfigurationException>(() => domain.Edit(d => d.GetOrAddVcpu().Count = 1000));

        TestContext.Out.WriteLine($"edit refused: code {error!.Code}, domain {error.Domain}: {error.LibvirtMessage}");
        Assert.That(error.Code, Is.EqualTo(67));
        Assert.That(error.LibvirtMessage, Does.Contain("Maximum CPUs greater than specified machine type limit"));
        Assert.That(domain.GetInactiveXmlString(DomainXmlOptions.Secure), Is.EqualTo(before));
    }

    [Test]
    public void Edit_that_breaks_the_schema_is_refused_and_the_definition_stays_byte_identical()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var domain = cleanup.Track(connection.DefineDomain(Guests.Minimal(Daemon.UniqueName("edit-schema"))));
        var before = domain.GetInactiveXmlString(DomainXmlOptions.Secure);

        var error = Assert.Throws<LibvirtSchemaValidationException>(() => domain.Edit(d => d.Element.Add(new System.Xml.Linq.XElement("no-such-element"))));

        Assert.That(error!.Code, Is.EqualTo(92));
        Assert.That(domain.GetInactiveXmlString(DomainXmlOptions.Secure), Is.EqualTo(before));
    }

    [Test]
    public void Successful_edit_is_applied_and_returns_the_diff_and_the_stored_definition()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var name = Daemon.UniqueName("edit-ok");
        var domain = cleanup.Track(connection.DefineDomain(Guests.Minimal(name)));

        var result = connection.EditDomain(name, d =>
        {
            d.GetOrAddVcpu().Count = 2;
            d.Description = "edited by the integration tests";
        });

        Assert.That((result.Changed, result.Applied), Is.EqualTo((true, true)));
        Assert.That(result.Diff, Does.Contain("-  <vcpu placement='static'>1</vcpu>").And.Contain("+  <vcpu placement='static'>2</vcpu>"));
        Assert.That(result.Diff, Does.Contain("+  <description>edited by the integration tests</description>"));
        var stored = domain.GetInactiveXml();
        Assert.That(stored.Vcpu?.Count, Is.EqualTo(2));
        Assert.That(stored.Description, Is.EqualTo("edited by the integration tests"));
        Assert.That(result.Xml.ToXmlString(), Is.EqualTo(stored.ToXmlString()));
    }

    [Test]
    public void Dry_run_returns_the_diff_and_defines_nothing()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var domain = cleanup.Track(connection.DefineDomain(Guests.Minimal(Daemon.UniqueName("edit-dry"))));
        var before = domain.GetInactiveXmlString(DomainXmlOptions.Secure);

        var result = domain.Edit(d => d.UseHostPassthrough(), new EditOptions { DryRun = true });

        Assert.That((result.Changed, result.Applied), Is.EqualTo((true, false)));
        Assert.That(result.Diff, Does.Contain("+  <cpu mode='host-passthrough'"));
        Assert.That(result.Diff, Does.Contain("-  <cpu mode='custom' match='exact' check='none'>"));
        Assert.That(domain.GetInactiveXmlString(DomainXmlOptions.Secure), Is.EqualTo(before));
    }

    [Test]
    public void Edit_that_changes_nothing_is_not_applied()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var domain = cleanup.Track(connection.DefineDomain(Guests.Minimal(Daemon.UniqueName("edit-noop"))));

        var result = domain.Edit(d => d.Description = null);

        Assert.That((result.Changed, result.Applied, result.Diff), Is.EqualTo((false, false, string.Empty)));
    }
}
