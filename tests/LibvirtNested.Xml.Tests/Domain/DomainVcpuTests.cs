using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

[TestFixture]
public sealed class DomainVcpuTests
{
    [Test]
    public void Reads_count_and_attributes()
    {
        var vcpu = DomainXml.Parse("<domain><vcpu placement='static' cpuset='1-4,^3,6' current='1'>2</vcpu></domain>").Vcpu!;
        Assert.Multiple(() =>
        {
            Assert.That(vcpu.Count, Is.EqualTo(2));
            Assert.That(vcpu.Placement, Is.EqualTo(DomainVcpuPlacement.Static));
            Assert.That(vcpu.CpuSet, Is.EqualTo("1-4,^3,6"));
            Assert.That(vcpu.Current, Is.EqualTo(1));
        });
    }

    [Test]
    public void Writes_and_removes()
    {
        var domain = DomainXml.Parse("<domain><vcpu placement='auto' current='1'>2</vcpu></domain>");
        var vcpu = domain.Vcpu!;
        vcpu.Count = 8;
        vcpu.Current = null;
        vcpu.Placement = DomainVcpuPlacement.Static;
        vcpu.CpuSet = "0-3";
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><vcpu placement='static' cpuset='0-3'>8</vcpu></domain>"));
        vcpu.Count = null;
        vcpu.Placement = null;
        vcpu.CpuSet = null;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><vcpu/></domain>"));
        Assert.That(vcpu.Count, Is.Null);
        Assert.That(() => vcpu.Count = -1, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Get_or_add_creates_the_element_after_memory()
    {
        var domain = DomainXml.Parse("<domain>\n  <memory>1024</memory>\n  <os/>\n</domain>");
        domain.GetOrAddVcpu().Count = 2;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <memory>1024</memory>\n  <vcpu>2</vcpu>\n  <os/>\n</domain>"));
    }

    [TestCase("x")]
    [TestCase("-2")]
    [TestCase("99999999999")]
    public void Malformed_count_parses_but_the_property_names_the_element(string text)
    {
        var domain = DomainXml.Parse($"<domain><vcpu>{text}</vcpu></domain>");
        var error = Assert.Throws<LibvirtXmlValueException>(() => _ = domain.Vcpu!.Count)!;
        Assert.Multiple(() =>
        {
            Assert.That(error.ElementPath, Is.EqualTo("/domain/vcpu"));
            Assert.That(error.AttributeName, Is.Null);
            Assert.That(error.Value, Is.EqualTo(text));
        });
    }

    [Test]
    public void Malformed_current_names_the_attribute()
    {
        var domain = DomainXml.Parse("<domain><vcpu current='two'>2</vcpu></domain>");
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = domain.Vcpu!.Current)!.AttributeName, Is.EqualTo("current"));
    }
}
