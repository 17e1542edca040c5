using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

[TestFixture]
public sealed class DomainCpuTests
{
    private const string Custom = """
        <domain>
          <cpu mode='custom' match='exact' check='partial'>
            <model fallback='allow' vendor_id='GenuineIntel'>Skylake-Client</model>
            <vendor>Intel</vendor>
            <topology sockets='1' dies='2' cores='2' threads='1'/>
            <feature policy='require' name='vmx'/>
            <feature name='pcid'/>
            <feature policy='disable' name='arch-capabilities'/>
            <numa>
              <cell id='0' cpus='0-1' memory='512000' unit='KiB'/>
              <cell id='1' cpus='2-3' memory='1' unit='GiB' memAccess='shared' discard='yes'/>
            </numa>
          </cpu>
        </domain>
        """;

    private static DomainCpu CpuOf(string xml) => DomainXml.Parse(xml).Cpu!;

    [Test]
    public void Reads_attributes_model_and_vendor()
    {
        var cpu = CpuOf(Custom);
        Assert.Multiple(() =>
        {
            Assert.That(cpu.Mode, Is.EqualTo(DomainCpuMode.Custom));
            Assert.That(cpu.Match, Is.EqualTo(DomainCpuMatch.Exact));
            Assert.That(cpu.Check, Is.EqualTo(DomainCpuCheck.Partial));
            Assert.That(cpu.Migratable, Is.Null);
            Assert.That(cpu.Model, Is.EqualTo("Skylake-Client"));
            Assert.That(cpu.ModelFallback, Is.EqualTo("allow"));
            Assert.That(cpu.ModelVendorId, Is.EqualTo("GenuineIntel"));
            Assert.That(cpu.Vendor, Is.EqualTo("Intel"));
        });
    }

    [Test]
    public void Reads_topology_features_and_numa_cells()
    {
        var cpu = CpuOf(Custom);
        Assert.Multiple(() =>
        {
            Assert.That(cpu.Topology?.Sockets, Is.EqualTo(1));
            Assert.That(cpu.Topology?.Dies, Is.EqualTo(2));
            Assert.That(cpu.Topology?.Cores, Is.EqualTo(2));
            Assert.That(cpu.Topology?.Threads, Is.EqualTo(1));
            Assert.That(cpu.Features.Select(f => f.Name), Is.EqualTo(new[] { "vmx", "pcid", "arch-capabilities" }));
            Assert.That(cpu.Features.Select(f => f.Policy), Is.EqualTo(new DomainCpuFeaturePolicy?[] { DomainCpuFeaturePolicy.Require, null, DomainCpuFeaturePolicy.Disable }));
            Assert.That(cpu.NumaCells, Has.Count.EqualTo(2));
            Assert.That(cpu.NumaCells[0].Id, Is.EqualTo(0));
            Assert.That(cpu.NumaCells[0].Cpus, Is.EqualTo("0-1"));
            Assert.That(cpu.NumaCells[0].MemoryBytes, Is.EqualTo(512000UL * 1024));
            Assert.That(cpu.NumaCells[0].MemAccess, Is.Null);
            Assert.That(cpu.NumaCells[1].MemoryBytes, Is.EqualTo(1UL << 30));
            Assert.That(cpu.NumaCells[1].MemAccess, Is.EqualTo(DomainMemoryAccess.Shared));
            Assert.That(cpu.NumaCells[1].Discard, Is.True);
        });
    }

    [Test]
    public void Unknown_enum_values_round_trip()
    {
        var domain = DomainXml.Parse("<domain><cpu mode='future' match='fuzzy' check='maybe'><feature policy='prefer' name='x'/></cpu></domain>");
        var cpu = domain.Cpu!;
        Assert.Multiple(() =>
        {
            Assert.That(cpu.Mode?.Value, Is.EqualTo("future"));
            Assert.That(cpu.Match?.ToString(), Is.EqualTo("fuzzy"));
            Assert.That(cpu.Check?.Value, Is.EqualTo("maybe"));
            Assert.That(cpu.Features[0].Policy?.Value, Is.EqualTo("prefer"));
        });
        cpu.Mode = cpu.Mode;
        cpu.Features[0].Policy = cpu.Features[0].Policy;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><cpu mode='future' match='fuzzy' check='maybe'><feature policy='prefer' name='x'/></cpu></domain>"));
    }

    [Test]
    public void Null_removes_attributes()
    {
        var domain = DomainXml.Parse("<domain><cpu mode='custom' match='exact' check='full' migratable='on'/></domain>");
        var cpu = domain.Cpu!;
        cpu.Mode = null;
        cpu.Match = null;
        cpu.Check = null;
        cpu.Migratable = null;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><cpu/></domain>"));
    }

    [TestCase("on", true)]
    [TestCase("off", false)]
    [TestCase("yes", true)]
    public void Migratable_reads_on_off_and_writes_on_off(string text, bool expected)
    {
        var domain = DomainXml.Parse($"<domain><cpu mode='host-passthrough' migratable='{text}'/></domain>");
        Assert.That(domain.Cpu!.Migratable, Is.EqualTo(expected));
        domain.Cpu.Migratable = !expected;
        Assert.That(domain.Cpu.Element.Attribute("migratable")!.Value, Is.EqualTo(expected ? "off" : "on"));
    }

    [Test]
    public void Malformed_values_throw_naming_the_path()
    {
        var domain = DomainXml.Parse("<domain><cpu migratable='perhaps'><topology sockets='one' cores='1' threads='1'/><numa><cell memory='lots'/><cell memory='1' unit='parsec'/></numa></cpu></domain>");
        var cpu = domain.Cpu!;
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = cpu.Migratable)!.ElementPath, Is.EqualTo("/domain/cpu"));
            var topology = Assert.Throws<LibvirtXmlValueException>(() => _ = cpu.Topology!.Sockets)!;
            Assert.That(topology.ElementPath, Is.EqualTo("/domain/cpu/topology"));
            Assert.That(topology.AttributeName, Is.EqualTo("sockets"));
            Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = cpu.NumaCells[0].MemoryBytes)!.ElementPath, Is.EqualTo("/domain/cpu/numa/cell[1]"));
            Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = cpu.NumaCells[1].MemoryBytes)!.AttributeName, Is.EqualTo("unit"));
        });
    }

    [Test]
    public void Model_setters_edit_the_model_element_and_drop_it_when_empty()
    {
        var domain = DomainXml.Parse("<domain>\n  <cpu mode='custom'>\n    <topology sockets='1' cores='1' threads='1'/>\n  </cpu>\n</domain>");
        var cpu = domain.Cpu!;
        cpu.Model = "Haswell";
        cpu.ModelFallback = "forbid";
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <cpu mode='custom'>\n    <model fallback='forbid'>Haswell</model>\n    <topology sockets='1' cores='1' threads='1'/>\n  </cpu>\n</domain>"));
        cpu.Model = null;
        Assert.Multiple(() =>
        {
            Assert.That(cpu.Model, Is.Null);
            Assert.That(cpu.ModelFallback, Is.EqualTo("forbid"));
        });
        cpu.ModelFallback = null;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <cpu mode='custom'>\n    <topology sockets='1' cores='1' threads='1'/>\n  </cpu>\n</domain>"));
    }

    [Test]
    public void Empty_model_reads_as_null()
    {
        var cpu = CpuOf("<domain><cpu mode='host-model'><model fallback='forbid'/></cpu></domain>");
        Assert.Multiple(() =>
        {
            Assert.That(cpu.Model, Is.Null);
            Assert.That(cpu.ModelFallback, Is.EqualTo("forbid"));
        });
    }

    [Test]
    public void Vendor_is_added_after_model_and_removed_by_null()
    {
        var domain = DomainXml.Parse("<domain>\n  <cpu>\n    <model>Haswell</model>\n    <feature name='x'/>\n  </cpu>\n</domain>");
        domain.Cpu!.Vendor = "Intel";
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <cpu>\n    <model>Haswell</model>\n    <vendor>Intel</vendor>\n    <feature name='x'/>\n  </cpu>\n</domain>"));
        domain.Cpu.Vendor = null;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <cpu>\n    <model>Haswell</model>\n    <feature name='x'/>\n  </cpu>\n</domain>"));
    }

    [Test]
    public void Set_feature_updates_an_existing_one_or_adds_after_the_others()
    {
        var domain = DomainXml.Parse(Custom);
        var cpu = domain.Cpu!;
        var updated = cpu.SetFeature("pcid", DomainCpuFeaturePolicy.Optional);
        var added = cpu.SetFeature("svm", DomainCpuFeaturePolicy.Forbid);
        Assert.Multiple(() =>
        {
            Assert.That(updated.Policy, Is.EqualTo(DomainCpuFeaturePolicy.Optional));
            Assert.That(added.Name, Is.EqualTo("svm"));
            Assert.That(cpu.Features.Select(f => f.Name), Is.EqualTo(new[] { "vmx", "pcid", "arch-capabilities", "svm" }));
            Assert.That(domain.ToXmlString(), Does.Contain(
                "    <feature name='pcid' policy='optional'/>\n" +
                "    <feature policy='disable' name='arch-capabilities'/>\n" +
                "    <feature policy='forbid' name='svm'/>\n" +
                "    <numa>"));
        });
    }

    [Test]
    public void Set_feature_on_an_empty_cpu_and_remove_feature()
    {
        var domain = DomainXml.Parse("<domain>\n  <cpu mode='host-passthrough'/>\n</domain>");
        domain.Cpu!.SetFeature("arch-capabilities", DomainCpuFeaturePolicy.Disable);
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <cpu mode='host-passthrough'>\n    <feature policy='disable' name='arch-capabilities'/>\n  </cpu>\n</domain>"));
        Assert.Multiple(() =>
        {
            Assert.That(domain.Cpu.RemoveFeature("arch-capabilities"), Is.True);
            Assert.That(domain.Cpu.RemoveFeature("arch-capabilities"), Is.False);
            Assert.That(() => domain.Cpu.SetFeature("", DomainCpuFeaturePolicy.Require), Throws.ArgumentException);
        });
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <cpu mode='host-passthrough'/>\n</domain>"));
    }

    [Test]
    public void Get_or_add_topology_goes_before_features_and_is_writable()
    {
        var domain = DomainXml.Parse("<domain>\n  <cpu mode='host-passthrough'>\n    <feature policy='require' name='vmx'/>\n  </cpu>\n</domain>");
        var topology = domain.Cpu!.GetOrAddTopology();
        topology.Sockets = 1;
        topology.Cores = 4;
        topology.Threads = 2;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <cpu mode='host-passthrough'>\n    <topology sockets='1' cores='4' threads='2'/>\n    <feature policy='require' name='vmx'/>\n  </cpu>\n</domain>"));
        Assert.That(domain.Cpu.GetOrAddTopology().Element, Is.SameAs(topology.Element));
        topology.Cores = null;
        Assert.That(topology.Cores, Is.Null);
    }
}
