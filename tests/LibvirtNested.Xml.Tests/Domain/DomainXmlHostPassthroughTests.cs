using LibvirtNested.Testing;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

/// <summary><see cref="DomainXml.UseHostPassthrough"/> and <see cref="DomainCpu.SetHostPassthrough"/>.</summary>
[TestFixture]
public sealed class DomainXmlHostPassthroughTests
{
    private const string WithoutCpu = """
        <domain type='kvm'>
          <name>l1</name>
          <memory unit='KiB'>4194304</memory>
          <vcpu placement='static'>2</vcpu>
          <os>
            <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
            <boot dev='hd'/>
          </os>
          <features>
            <acpi/>
            <apic/>
          </features>
          <clock offset='utc'/>
          <devices>
            <emulator>/usr/bin/qemu-system-x86_64</emulator>
          </devices>
        </domain>

        """;

    private const string CustomCpu = """
        <domain type='kvm'>
          <name>l1</name>
          <memory unit='KiB'>4194304</memory>
          <vcpu placement='static'>4</vcpu>
          <os>
            <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
          </os>
          <cpu mode='custom' match='exact' check='partial'>
            <!-- chosen for the old cluster -->
            <model fallback='allow' vendor_id='GenuineIntel'>Skylake-Client</model>
            <vendor>Intel</vendor>
            <topology sockets='1' dies='1' cores='2' threads='2'/>
            <cache mode='passthrough'/>
            <feature policy='require' name='vmx'/>
            <feature policy='disable' name='arch-capabilities'/>
            <numa>
              <cell id='0' cpus='0-3' memory='4194304' unit='KiB'/>
            </numa>
          </cpu>
          <clock offset='utc'/>
          <devices>
            <emulator>/usr/bin/qemu-system-x86_64</emulator>
          </devices>
        </domain>

        """;

    private const string AlreadyPassthrough = """
        <domain type="kvm">
            <name>l1</name>
            <memory>4194304</memory>
            <vcpu>2</vcpu>
            <os>
                <type arch="x86_64">hvm</type>
            </os>
            <cpu mode="host-passthrough" check="none" migratable="on">
                <feature policy="disable" name="arch-capabilities"/>
            </cpu>
            <clock offset="utc"/>
        </domain>

        """;

    [Test]
    public void Adds_cpu_after_features_when_the_domain_has_none()
    {
        var domain = DomainXml.Parse(WithoutCpu).UseHostPassthrough();
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void Turns_a_custom_cpu_into_host_passthrough_keeping_topology_cache_features_and_numa()
    {
        var domain = DomainXml.Parse(CustomCpu).UseHostPassthrough();
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void Sets_migratable_off()
    {
        var domain = DomainXml.Parse(CustomCpu).UseHostPassthrough(migratable: false);
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(domain.Cpu!.Migratable, Is.False);
    }

    [Test]
    public void Changes_nothing_on_a_domain_that_already_has_host_passthrough()
    {
        var domain = DomainXml.Parse(AlreadyPassthrough).UseHostPassthrough();
        Assert.That(domain.ToXmlString(), Is.EqualTo(AlreadyPassthrough));
        domain.UseHostPassthrough(migratable: true);
        Assert.That(domain.ToXmlString(), Is.EqualTo(AlreadyPassthrough));
        Snapshot.Verify(domain.UseHostPassthrough(migratable: false).ToXmlString());
    }

    [TestCase(WithoutCpu)]
    [TestCase(CustomCpu)]
    [TestCase(AlreadyPassthrough)]
    public void Applying_it_twice_gives_the_same_document(string xml)
    {
        foreach (var migratable in new bool?[] { null, true, false })
        {
            var once = DomainXml.Parse(xml).UseHostPassthrough(migratable).ToXmlString();
            var twice = DomainXml.Parse(once).UseHostPassthrough(migratable).ToXmlString();
            Assert.That(twice, Is.EqualTo(once), $"migratable: {migratable}");
        }
    }

    [Test]
    public void Puts_mode_first_when_the_cpu_had_none_and_empties_a_model_only_cpu()
    {
        var domain = DomainXml.Parse("<domain>\n  <cpu check='full' match='minimum'>\n    <model>qemu64</model>\n  </cpu>\n</domain>");
        domain.Cpu!.SetHostPassthrough();
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <cpu mode='host-passthrough' check='full'/>\n</domain>"));
    }

    [Test]
    public void Replaces_host_model_and_maximum_modes()
    {
        var hostModel = DomainXml.Parse("<domain><cpu mode='host-model'><model fallback='forbid'/><feature policy='require' name='vmx'/></cpu></domain>");
        var maximum = DomainXml.Parse("<domain><cpu mode='maximum' migratable='off'/></domain>");
        Assert.Multiple(() =>
        {
            Assert.That(hostModel.UseHostPassthrough().ToXmlString(), Is.EqualTo("<domain><cpu mode='host-passthrough'><feature policy='require' name='vmx'/></cpu></domain>"));
            Assert.That(maximum.UseHostPassthrough().ToXmlString(), Is.EqualTo("<domain><cpu mode='host-passthrough' migratable='off'/></domain>"));
        });
    }

    [Test]
    public void Keeps_unknown_children_and_attributes_of_cpu()
    {
        var domain = DomainXml.Parse("<domain><cpu match='exact' future='1'><model>x</model><maxphysaddr mode='passthrough'/><extra xmlns='urn:x'/></cpu></domain>");
        Assert.That(domain.UseHostPassthrough().ToXmlString(), Is.EqualTo("<domain><cpu mode='host-passthrough' future='1'><maxphysaddr mode='passthrough'/><extra xmlns='urn:x'/></cpu></domain>"));
    }
}
