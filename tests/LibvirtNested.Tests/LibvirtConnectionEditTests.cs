using System.Xml.Linq;
using NUnit.Framework;

namespace LibvirtNested.Tests;

public class LibvirtConnectionEditTests : TestDriverFixture
{
    [Test]
    public void Edit_applies_the_change_and_returns_diff_and_new_definition()
    {
        using var defined = TestDriver.Define(Connection, "edit");

        var result = Connection.EditDomain(defined.Domain.Name, d => SetVcpus(d, "4"));

        Assert.That(result.Changed, Is.True);
        Assert.That(result.Applied, Is.True);
        Assert.That(result.Diff, Does.Contain("-  <vcpu placement='static'>1</vcpu>").And.Contain("+  <vcpu placement='static'>4</vcpu>"));
        Assert.That(result.Xml.Element.Element("vcpu")!.Value, Is.EqualTo("4"));
        Assert.That(defined.Domain.GetInactiveXml().Element.Element("vcpu")!.Value, Is.EqualTo("4"));
    }

    [Test]
    public void Dry_run_returns_the_diff_and_defines_nothing()
    {
        using var defined = TestDriver.Define(Connection, "dryrun");
        var before = defined.Domain.GetInactiveXmlString();

        var result = defined.Domain.Edit(d => SetVcpus(d, "2"), new EditOptions { DryRun = true });

        Assert.That(result.Changed, Is.True);
        Assert.That(result.Applied, Is.False);
        Assert.That(result.Diff, Does.StartWith($"--- {defined.Domain.Name}.xml (defined)\n+++ {defined.Domain.Name}.xml (edited)\n@@ "));
        Assert.That(result.Diff, Does.Contain("+  <vcpu placement='static'>2</vcpu>"));
        Assert.That(result.Xml.Element.Element("vcpu")!.Value, Is.EqualTo("2"));
        Assert.That(defined.Domain.GetInactiveXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void An_edit_that_changes_nothing_is_not_applied()
    {
        using var defined = TestDriver.Define(Connection, "noop");

        var result = Connection.EditDomain(defined.Domain, _ => { });

        Assert.That(result.Changed, Is.False);
        Assert.That(result.Applied, Is.False);
        Assert.That(result.Diff, Is.Empty);
    }

    [Test]
    public void A_rejected_edit_leaves_the_definition_untouched_and_says_why()
    {
        using var defined = TestDriver.Define(Connection, "reject");
        var before = defined.Domain.GetInactiveXmlString(DomainXmlOptions.Secure);

        // Removing <os><type> makes the definition invalid for libvirt itself (VIR_ERR_XML_ERROR).
        var error = Assert.Throws<LibvirtInvalidXmlException>(() => Connection.EditDomain(defined.Domain.Name, d =>
        {
            SetVcpus(d, "8");
            d.Element.Element("os")!.Element("type")!.Remove();
        }, new EditOptions { Validate = false }));

        Assert.That(error!.Code, Is.EqualTo(27));
        Assert.That(error.LibvirtMessage, Does.Contain("os").IgnoreCase);
        Assert.That(defined.Domain.GetInactiveXmlString(DomainXmlOptions.Secure), Is.EqualTo(before));
    }

    [Test]
    public void A_schema_invalid_edit_is_rejected_by_validation_and_leaves_the_definition_untouched()
    {
        using var defined = TestDriver.Define(Connection, "schema");
        var before = defined.Domain.GetInactiveXmlString();

        Assert.Throws<LibvirtSchemaValidationException>(() => Connection.EditDomain(
            defined.Domain.Name,
            d => d.Element.Add(new XElement("unknownElement"))));

        Assert.That(defined.Domain.GetInactiveXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void Without_validation_libvirt_drops_what_it_does_not_know()
    {
        using var defined = TestDriver.Define(Connection, "novalidate");

        var result = Connection.EditDomain(
            defined.Domain.Name,
            d => d.Element.Add(new XElement("unknownElement")),
            new EditOptions { Validate = false });

        Assert.That(result.Applied, Is.True);
        Assert.That(result.Xml.Element.Element("unknownElement"), Is.Null);
    }

    [Test]
    public void Renaming_in_an_edit_is_refused_before_anything_is_defined()
    {
        using var defined = TestDriver.Define(Connection, "rename");
        var newName = TestDriver.UniqueName("renamed");

        Assert.Throws<InvalidOperationException>(() => Connection.EditDomain(defined.Domain.Name, d => d.Name = newName));

        Assert.That(Connection.TryGetDomain(newName, out _), Is.False);
    }

    [Test]
    public void Editing_a_missing_domain_is_not_found()
    {
        Assert.Throws<LibvirtNotFoundException>(() => Connection.EditDomain(TestDriver.UniqueName("gone"), _ => { }));
    }

    [Test]
    public void Edit_keeps_unknown_namespaced_metadata()
    {
        using var defined = TestDriver.Define(Connection, "meta");
        XNamespace ns = "http://example.org/libvirt-nested";
        Connection.EditDomain(defined.Domain.Name, d => d.Element.Add(new XElement("metadata", new XElement(ns + "owner", new XAttribute(XNamespace.Xmlns + "ln", ns), "ci"))));

        var result = Connection.EditDomain(defined.Domain.Name, d => SetVcpus(d, "3"));

        Assert.That(result.Xml.Element.Element("metadata")!.Element(ns + "owner")!.Value, Is.EqualTo("ci"));
    }

    [Test]
    public void The_diff_hides_passwords_by_default_and_shows_them_when_asked()
    {
        using var defined = DefineWithVncPassword("s3cret-old");

        var hidden = defined.Domain.Edit(d => SetVncPassword(d, "s3cret-new"), new EditOptions { DryRun = true });
        var shown = defined.Domain.Edit(d => SetVncPassword(d, "s3cret-new"), new EditOptions { DryRun = true, IncludeSecretsInDiff = true });

        Assert.That(hidden.Changed, Is.True, "a password-only change is still a change");
        Assert.That(hidden.Diff, Does.Not.Contain("s3cret"));
        Assert.That(hidden.Diff, Does.Contain("-    <graphics type='vnc' port='-1' autoport='yes' passwd='***'"));
        Assert.That(hidden.Diff, Does.Contain("+    <graphics type='vnc' port='-1' autoport='yes' passwd='***'"));
        Assert.That(shown.Diff, Does.Contain("passwd='s3cret-old'").And.Contain("passwd='s3cret-new'"));
    }

    [TestCase("<graphics type='spice' passwd='a b&apos;c'/>", "<graphics type='spice' passwd='***'/>")]
    [TestCase("<graphics type=\"rdp\" passwd=\"x'y\"/>", "<graphics type=\"rdp\" passwd=\"***\"/>")]
    [TestCase("<auth password='p' passphrase = \"q\"/>", "<auth password='***' passphrase=\"***\"/>")]
    [TestCase("<graphics passwdValidTo='2030-01-01T00:00:00'/>", "<graphics passwdValidTo='2030-01-01T00:00:00'/>")]
    public void Redaction_replaces_every_password_attribute_value(string line, string expected)
    {
        Assert.That(LibvirtConnection.Redact(line), Is.EqualTo(expected));
    }

    [Test]
    public void The_applied_result_is_read_like_the_dry_run_inactive_and_secure()
    {
        using var defined = DefineWithVncPassword("keep-me");

        var dryRun = defined.Domain.Edit(d => SetVcpus(d, "2"), new EditOptions { DryRun = true });
        var applied = defined.Domain.Edit(d => SetVcpus(d, "2"));

        // Before: the applied result was read without VIR_DOMAIN_XML_SECURE, so the password was missing from it.
        Assert.That(Vnc(dryRun.Xml).Attribute("passwd")?.Value, Is.EqualTo("keep-me"));
        Assert.That(Vnc(applied.Xml).Attribute("passwd")?.Value, Is.EqualTo("keep-me"));
        Assert.That(applied.Xml.ToXmlString(), Is.EqualTo(defined.Domain.GetInactiveXmlString(DomainXmlOptions.Secure)));
    }

    private TestDriver.DefinedDomain DefineWithVncPassword(string password)
    {
        var xml = TestDriver.Domain(TestDriver.UniqueName("vnc"));
        xml.Element.Element("devices")!.Add(XElement.Parse($"<graphics type='vnc' port='-1' autoport='yes' passwd='{password}'/>"));
        return new TestDriver.DefinedDomain(Connection.DefineDomain(xml));
    }

    private static XElement Vnc(LibvirtNested.Xml.Domain.DomainXml domain) => domain.Element.Element("devices")!.Element("graphics")!;

    private static void SetVncPassword(LibvirtNested.Xml.Domain.DomainXml domain, string password) =>
        Vnc(domain).SetAttributeValue("passwd", password);

    private static void SetVcpus(LibvirtNested.Xml.Domain.DomainXml domain, string count) =>
        domain.Element.Element("vcpu")!.Value = count;
}
