using System.Xml.Linq;
using LibvirtNested.Testing;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.DomainCapabilities;
using LibvirtNested.Xml.Tests.Capabilities;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

/// <summary>
/// <see cref="DomainXml.UseNestingCpu"/> and <see cref="DomainCpu.SetMaximum"/> on the domain capabilities a real
/// libvirt 9.0.0 daemon reported on this kind of machine (<c>shared/corpus/real-host</c>).
/// </summary>
[TestFixture]
public sealed class DomainXmlNestingCpuTests
{
    private static DomainXml Guest(string type) => DomainXml.Parse($"""
        <domain type='{type}'>
          <name>l1</name>
          <memory unit='KiB'>2097152</memory>
          <vcpu placement='static'>2</vcpu>
          <os>
            <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
          </os>
          <cpu mode='custom' match='exact' check='partial'>
            <model fallback='allow'>EPYC</model>
            <vendor>AMD</vendor>
            <topology sockets='1' dies='1' cores='2' threads='1'/>
          </cpu>
          <devices>
            <emulator>/usr/bin/qemu-system-x86_64</emulator>
          </devices>
        </domain>
        """);

    private static DomainCapabilitiesXml RealCapabilities(string virtType) =>
        DomainCapabilitiesXml.Load(RealHost.PathOf($"domcapabilities-{virtType}.xml"));

    private static string[] Features(DomainXml domain, string policy) =>
        domain.Cpu!.Features.Where(f => f.Element.Attribute("policy")?.Value == policy).Select(f => f.Element.Attribute("name")!.Value).ToArray();

    [Test]
    public void A_kvm_guest_gets_host_passthrough_as_the_real_kvm_capabilities_support_it()
    {
        var domain = Guest("kvm");
        var expected = Guest("kvm").UseHostPassthrough();

        var mode = domain.UseNestingCpu(RealCapabilities("kvm"));

        Assert.That(mode, Is.EqualTo(DomainCpuMode.HostPassthrough));
        Assert.That(domain.ToXmlString(), Is.EqualTo(expected.ToXmlString()));
    }

    [Test]
    public void An_emulated_guest_gets_the_maximum_cpu_with_svm_because_the_real_qemu_capabilities_refuse_host_passthrough()
    {
        var capabilities = RealCapabilities("qemu");
        Assert.That(capabilities.Cpu!.IsModeSupported("host-passthrough"), Is.False, "the capture this test is about");
        var domain = Guest("qemu");

        var mode = domain.UseNestingCpu(capabilities);

        Assert.That(mode, Is.EqualTo(DomainCpuMode.Maximum));
        Assert.That(domain.Cpu!.Mode, Is.EqualTo(DomainCpuMode.Maximum));
        Assert.That(Features(domain, "require"), Is.EqualTo(new[] { "svm" }));
        Assert.That(domain.Cpu.Model, Is.Null, "maximum takes no model");
        Assert.That(domain.Cpu.Vendor, Is.Null, "libvirt refuses a vendor without a model");
        Assert.That(domain.Cpu.Match, Is.Null);
        Assert.That(domain.Cpu.Topology!.Cores, Is.EqualTo(2), "the topology is kept");
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void Running_it_again_changes_nothing()
    {
        var domain = Guest("qemu");
        domain.UseNestingCpu(RealCapabilities("qemu"));
        var once = domain.ToXmlString();

        domain.UseNestingCpu(RealCapabilities("qemu"));

        Assert.That(domain.ToXmlString(), Is.EqualTo(once));
        Assert.That(Features(domain, "require"), Has.Length.EqualTo(1));
    }

    [TestCase("AMD", "svm")]
    [TestCase("Intel", "vmx")]
    public void A_kvm_guest_without_host_passthrough_gets_maximum_with_the_host_vendors_extension(string vendor, string feature)
    {
        var capabilities = RealCapabilities("kvm");
        Mode(capabilities, "host-passthrough").SetAttributeValue("supported", "no");
        Mode(capabilities, "host-model").Element("vendor")!.Value = vendor;
        var domain = Guest("kvm");

        var mode = domain.UseNestingCpu(capabilities);

        Assert.That(mode, Is.EqualTo(DomainCpuMode.Maximum));
        Assert.That(Features(domain, "require"), Is.EqualTo(new[] { feature }));
    }

    [Test]
    public void A_disabled_feature_and_a_migratable_choice_survive()
    {
        var domain = Guest("qemu");
        domain.Cpu!.SetFeature("arch-capabilities", DomainCpuFeaturePolicy.Disable);

        domain.UseNestingCpu(RealCapabilities("qemu"), migratable: false);

        Assert.That(Features(domain, "disable"), Is.EqualTo(new[] { "arch-capabilities" }));
        Assert.That(domain.Cpu.Migratable, Is.False);
        Assert.That(domain.Cpu.Element.Attribute("mode")!.Value, Is.EqualTo("maximum"));
        Assert.That(domain.Cpu.Element.FirstAttribute!.Name.LocalName, Is.EqualTo("mode"));
    }

    [Test]
    public void Capabilities_with_neither_mode_are_refused_and_the_domain_is_left_alone()
    {
        var capabilities = RealCapabilities("qemu");
        Mode(capabilities, "maximum").SetAttributeValue("supported", "no");
        var domain = Guest("qemu");
        var before = domain.ToXmlString();

        var refused = Assert.Throws<InvalidOperationException>(() => domain.UseNestingCpu(capabilities));

        Assert.That(refused!.Message, Does.Contain("maximum"));
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void Capabilities_of_another_virt_type_are_refused()
    {
        var domain = Guest("qemu");

        var refused = Assert.Throws<ArgumentException>(() => domain.UseNestingCpu(RealCapabilities("kvm")));

        Assert.That(refused!.ParamName, Is.EqualTo("capabilities"));
        Assert.That(domain.Cpu!.Mode, Is.EqualTo(DomainCpuMode.Custom));
    }

    [Test]
    public void SetMaximum_adds_mode_first_on_a_cpu_without_one()
    {
        var domain = DomainXml.Parse("<domain type='qemu'><name>x</name><cpu check='none'><topology sockets='1' dies='1' cores='1' threads='1'/></cpu></domain>");

        domain.Cpu!.SetMaximum();

        Assert.That(domain.Cpu.Element.ToString(SaveOptions.DisableFormatting), Does.StartWith("<cpu mode=\"maximum\" check=\"none\">"));
    }

    [Test]
    public void An_emulated_guest_gets_svm_even_when_the_host_is_intel_because_tcg_emulates_only_amd_v()
    {
        var capabilities = RealCapabilities("qemu");
        Mode(capabilities, "host-model").Element("vendor")!.Value = "Intel";
        var domain = Guest("qemu");

        domain.UseNestingCpu(capabilities);

        Assert.That(Features(domain, "require"), Is.EqualTo(new[] { "svm" }));
    }

    [Test]
    public void A_kvm_guest_of_an_unknown_vendor_gets_maximum_without_a_required_extension()
    {
        var capabilities = RealCapabilities("kvm");
        Mode(capabilities, "host-passthrough").SetAttributeValue("supported", "no");
        Mode(capabilities, "host-model").Element("vendor")!.Value = "Hygon";
        var domain = Guest("kvm");

        Assert.That(domain.UseNestingCpu(capabilities), Is.EqualTo(DomainCpuMode.Maximum));
        Assert.That(Features(domain, "require"), Is.Empty);
    }

    [Test]
    public void An_emulated_guest_never_gets_host_passthrough_even_where_the_capabilities_claim_it()
    {
        var capabilities = RealCapabilities("qemu");
        Mode(capabilities, "host-passthrough").SetAttributeValue("supported", "yes");
        var domain = Guest("qemu");

        Assert.That(domain.UseNestingCpu(capabilities), Is.EqualTo(DomainCpuMode.Maximum));
    }

    [Test]
    public void Capabilities_that_name_no_virt_type_follow_the_domains_own_type()
    {
        var kvm = RealCapabilities("kvm");
        kvm.Element.Element("domain")!.Remove();
        Assert.That(Guest("kvm").UseNestingCpu(kvm), Is.EqualTo(DomainCpuMode.HostPassthrough));

        var qemu = RealCapabilities("qemu");
        qemu.Element.Element("domain")!.Remove();
        Mode(qemu, "maximum").SetAttributeValue("supported", "no");
        var refused = Assert.Throws<InvalidOperationException>(() => Guest("qemu").UseNestingCpu(qemu));
        Assert.That(refused!.Message, Does.Contain("virt type 'qemu'"));
    }

    [Test]
    public void Null_capabilities_and_a_virt_type_mismatch_are_refused_by_name()
    {
        Assert.That(() => Guest("kvm").UseNestingCpu(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("capabilities"));
        var refused = Assert.Throws<ArgumentException>(() => Guest("qemu").UseNestingCpu(RealCapabilities("kvm")));
        Assert.That(refused!.Message, Does.Contain("virt type 'kvm'").And.Contain("type='qemu'"));
    }

    private static XElement Mode(DomainCapabilitiesXml capabilities, string name) =>
        capabilities.Cpu!.FindMode(name)!.Element;
}
