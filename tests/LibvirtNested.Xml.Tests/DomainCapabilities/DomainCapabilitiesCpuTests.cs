using LibvirtNested.Xml.DomainCapabilities;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.DomainCapabilities;

[TestFixture]
public sealed class DomainCapabilitiesCpuTests
{
    private static DomainCapabilitiesCpu Cpu() => DomainCapabilitiesXml.Parse(DomainCapabilitiesXmlTests.Sample).Cpu!;

    [Test]
    public void Reports_which_modes_are_supported()
    {
        var cpu = Cpu();

        Assert.That(cpu.Modes.Select(m => (m.Name, m.Supported)), Is.EqualTo(new[] { ("host-passthrough", true), ("maximum", false), ("host-model", true), ("custom", true) }));
        Assert.That(cpu.IsModeSupported("host-passthrough"), Is.True);
        Assert.That(cpu.IsModeSupported("maximum"), Is.False);
        Assert.That(cpu.IsModeSupported("no-such-mode"), Is.False);
        Assert.That(cpu.FindMode("host-passthrough")!.GetEnum("hostPassthroughMigratable"), Is.EqualTo(new[] { "on", "off" }));
    }

    [Test]
    public void Reads_the_host_model_expansion()
    {
        var hostModel = Cpu().HostModel!;

        Assert.That((hostModel.Model, hostModel.Vendor, hostModel.Models.Single().Fallback), Is.EqualTo(("Skylake-Client-IBRS", "Intel", "forbid")));
        Assert.That(hostModel.Features.Select(f => (f.Name, f.Policy)), Is.EqualTo(new[] { ("vmx", "require"), ("mpx", "disable") }));
    }

    [Test]
    public void Reads_custom_models_with_usable_unknown_and_deprecated()
    {
        var custom = Cpu().Custom!;

        Assert.That(custom.Models.Select(m => (m.Name, m.Usable, m.Vendor, m.Deprecated)), Is.EqualTo(new[]
        {
            ("Skylake-Client", (bool?)true, "Intel", (bool?)null),
            ("Icelake-Client", false, "Intel", true),
            ("qemu64", null, "unknown", null),
            ("EPYC", null, "AMD", null),
        }));
        Assert.That(custom.FindModel("Icelake-Client")!.Usable, Is.False);
        Assert.That(custom.FindModel("Nehalem"), Is.Null);
        Assert.That(custom.Model, Is.EqualTo("Skylake-Client"));
    }

    [Test]
    public void Malformed_usable_and_supported_fail_on_read_naming_the_attribute()
    {
        var cpu = DomainCapabilitiesXml.Parse("<domainCapabilities><cpu><mode name='custom' supported='perhaps'><model usable='sometimes'>x</model></mode></cpu></domainCapabilities>").Cpu!;

        var e = Assert.Throws<LibvirtXmlValueException>(() => _ = cpu.Custom!.Models[0].Usable)!;
        Assert.That((e.ElementPath, e.AttributeName, e.Value), Is.EqualTo(("/domainCapabilities/cpu/mode/model", "usable", "sometimes")));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => cpu.IsModeSupported("custom"))!.AttributeName, Is.EqualTo("supported"));
    }
}
