using LibvirtNested.Xml.Capabilities;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Capabilities;

[TestFixture]
public sealed class CapabilitiesHostCpuTests
{
    private static CapabilitiesHostCpu Cpu(string inner) => CapabilitiesXml.Parse($"<capabilities><host><cpu>{inner}</cpu></host></capabilities>").Host!.Cpu!;

    [Test]
    public void Reads_model_vendor_topology_counter_and_pages()
    {
        var cpu = CapabilitiesXml.Parse(CapabilitiesXmlTests.Sample).Host!.Cpu!;

        Assert.That((cpu.Arch, cpu.Model, cpu.Vendor, cpu.MicrocodeVersion), Is.EqualTo(("x86_64", "Skylake-Client-IBRS", "Intel", (ulong?)240)));
        Assert.That((cpu.Topology!.Sockets, cpu.Topology.Dies, cpu.Topology.Clusters, cpu.Topology.Cores, cpu.Topology.Threads), Is.EqualTo(((int?)1, (int?)1, (int?)null, (int?)4, (int?)2)));
        var counter = cpu.Counters.Single();
        Assert.That((counter.Name, counter.Frequency, counter.Scaling), Is.EqualTo(("tsc", (ulong?)2592000000, (bool?)true)));
        Assert.That(cpu.PageSizes, Is.EqualTo(new[] { 4096UL, 2UL * 1024 * 1024 }));
        Assert.That(cpu.Features, Is.EqualTo(new[] { "ds", "vmx" }));
    }

    [TestCase("<feature name='vmx'/>", "vmx")]
    [TestCase("<feature name='svm'/><feature name='npt'/>", "svm")]
    [TestCase("<feature name='hypervisor'/>", null)]
    [TestCase("", null)]
    public void Virtualization_extension_is_vmx_svm_or_none(string features, string? expected)
    {
        var cpu = Cpu("<arch>x86_64</arch>" + features);

        Assert.That(cpu.VirtualizationExtension, Is.EqualTo(expected));
        Assert.That(cpu.HasHardwareVirtualization, Is.EqualTo(expected is not null));
    }

    [Test]
    public void HasFeature_is_exact()
    {
        var cpu = Cpu("<feature name='sse4.2'/>");

        Assert.That(cpu.HasFeature("sse4.2"), Is.True);
        Assert.That(cpu.HasFeature("SSE4.2"), Is.False);
        Assert.That(cpu.HasFeature("sse4"), Is.False);
    }

    [Test]
    public void Malformed_numbers_fail_on_read_naming_the_attribute()
    {
        var cpu = Cpu("<microcode version='abc'/><counter name='tsc' frequency='fast'/><topology sockets='one'/><pages unit='parsecs' size='4'/>");

        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = cpu.MicrocodeVersion)!.AttributeName, Is.EqualTo("version"));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = cpu.Counters[0].Frequency)!.AttributeName, Is.EqualTo("frequency"));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = cpu.Topology!.Sockets)!.ElementPath, Is.EqualTo("/capabilities/host/cpu/topology"));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = cpu.PageSizes)!.AttributeName, Is.EqualTo("unit"));
    }
}
