using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

[TestFixture]
public sealed class DomainFeaturesTests
{
    private const string Sample = "<domain>\n  <features>\n    <acpi/>\n    <apic eoi='on'/>\n    <vmport state='off'/>\n  </features>\n</domain>";

    [Test]
    public void Is_a_set_of_names()
    {
        var features = DomainXml.Parse(Sample).Features!;
        Assert.Multiple(() =>
        {
            Assert.That(features.Names, Is.EqualTo(new[] { "acpi", "apic", "vmport" }));
            Assert.That(features.Contains(DomainFeatures.Acpi), Is.True);
            Assert.That(features.Contains(DomainFeatures.Pae), Is.False);
            Assert.That(features.Get(DomainFeatures.Apic)?.Attribute("eoi")?.Value, Is.EqualTo("on"));
            Assert.That(features.Get(DomainFeatures.Smm), Is.Null);
        });
    }

    [Test]
    public void Add_is_idempotent_and_indents_like_siblings()
    {
        var domain = DomainXml.Parse(Sample);
        var features = domain.Features!;
        var smm = features.Add(DomainFeatures.Smm);
        Assert.Multiple(() =>
        {
            Assert.That(features.Add(DomainFeatures.Smm), Is.SameAs(smm));
            Assert.That(features.Add(DomainFeatures.Acpi), Is.SameAs(features.Get(DomainFeatures.Acpi)));
            Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <features>\n    <acpi/>\n    <apic eoi='on'/>\n    <vmport state='off'/>\n    <smm/>\n  </features>\n</domain>"));
        });
    }

    [Test]
    public void Remove_reports_whether_something_was_removed()
    {
        var domain = DomainXml.Parse(Sample);
        var features = domain.Features!;
        Assert.Multiple(() =>
        {
            Assert.That(features.Remove(DomainFeatures.Apic), Is.True);
            Assert.That(features.Remove(DomainFeatures.Apic), Is.False);
            Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <features>\n    <acpi/>\n    <vmport state='off'/>\n  </features>\n</domain>"));
        });
    }

    [Test]
    public void Get_or_add_features_goes_after_os()
    {
        var domain = DomainXml.Parse("<domain>\n  <os/>\n  <clock/>\n</domain>");
        domain.GetOrAddFeatures().Add(DomainFeatures.Acpi);
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <os/>\n  <features>\n    <acpi/>\n  </features>\n  <clock/>\n</domain>"));
    }

    [Test]
    public void Kvm_hidden_reads_writes_and_removes()
    {
        var domain = DomainXml.Parse(Sample);
        var features = domain.Features!;
        Assert.That(features.KvmHidden, Is.Null);
        features.KvmHidden = true;
        Assert.Multiple(() =>
        {
            Assert.That(features.KvmHidden, Is.True);
            Assert.That(domain.ToXmlString(), Does.Contain("    <vmport state='off'/>\n    <kvm>\n      <hidden state='on'/>\n    </kvm>\n  </features>"));
        });
        features.KvmHidden = null;
        Assert.That(domain.ToXmlString(), Is.EqualTo(Sample));
    }

    [Test]
    public void Kvm_hidden_keeps_other_kvm_settings()
    {
        var domain = DomainXml.Parse("<domain><features><kvm><hidden state='off'/><poll-control state='on'/></kvm></features></domain>");
        Assert.That(domain.Features!.KvmHidden, Is.False);
        domain.Features.KvmHidden = null;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><features><kvm><poll-control state='on'/></kvm></features></domain>"));
    }

    [Test]
    public void Malformed_kvm_hidden_throws_naming_the_element()
    {
        var domain = DomainXml.Parse("<domain><features><kvm><hidden state='sometimes'/></kvm></features></domain>");
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = domain.Features!.KvmHidden)!.ElementPath, Is.EqualTo("/domain/features/kvm/hidden"));
    }
}
