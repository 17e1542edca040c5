using LibvirtNested.Testing;
using LibvirtNested.Xml.DomainCapabilities;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>Host and domain capabilities from the real daemon, parsed by the typed model.</summary>
[DependsOnFixture(typeof(LunDiskTests), AllowFailure = true)]
public class CapabilitiesTests
{
    private static readonly string RealHost = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus", "real-host"));

    [Test]
    public void Host_capabilities_offer_x86_64_hvm_guests_under_qemu_and_kvm()
    {
        using var connection = Daemon.Connect();

        var capabilities = connection.GetCapabilities();

        var guest = capabilities.FindGuest("hvm", "x86_64");
        Assert.That(guest, Is.Not.Null, "no hvm x86_64 guest in the host capabilities");
        Assert.That(guest!.FindDomain("qemu"), Is.Not.Null);
        Assert.That(guest.FindDomain("kvm") is not null, Is.EqualTo(Daemon.HasKvm), "kvm guests are offered exactly where /dev/kvm exists");
        Assert.That(capabilities.SupportsDomainType("x86_64", "kvm"), Is.EqualTo(Daemon.HasKvm));
        Assert.That(capabilities.Host?.Cpu?.Arch, Is.EqualTo("x86_64"));
    }

    [Test]
    public void Kvm_domain_capabilities_report_host_passthrough_supported()
    {
        Daemon.RequireKvm();
        using var connection = Daemon.Connect();

        var kvm = connection.GetDomainCapabilities(virtType: "kvm");

        Assert.That(kvm.Domain, Is.EqualTo("kvm"));
        Assert.That(kvm.Arch, Is.EqualTo("x86_64"));
        Assert.That(kvm.Path, Is.EqualTo("/usr/bin/qemu-system-x86_64"));
        Assert.That(kvm.Cpu?.IsModeSupported("host-passthrough"), Is.True);
        Assert.That(kvm.DiskBuses, Does.Contain("scsi"));
        Assert.That(kvm.GetEnum("devices/disk", "diskDevice"), Does.Contain("lun"));
    }

    [Test]
    public void Qemu_domain_capabilities_are_those_of_tcg()
    {
        using var connection = Daemon.Connect();

        var qemu = connection.GetDomainCapabilities(virtType: "qemu");

        Assert.That(qemu.Domain, Is.EqualTo("qemu"));
        Assert.That(qemu.Cpu?.IsModeSupported("custom"), Is.True);
        TestContext.Out.WriteLine("qemu CPU modes: " + string.Join(", ", qemu.Cpu!.Modes.Select(m => $"{m.Name}={m.Supported}")));
    }

    [TestCase("kvm")]
    [TestCase("qemu")]
    public void Domain_capabilities_agree_with_the_real_host_capture(string virtType)
    {
        var capture = Path.Combine(RealHost, $"domcapabilities-{virtType}.xml");
        if (!File.Exists(capture))
        {
            Assert.Ignore($"No real-host capture at {capture}.");
        }

        if (virtType == "kvm")
        {
            Daemon.RequireKvm();
        }

        using var connection = Daemon.Connect();
        var live = connection.GetDomainCapabilities(virtType: virtType);
        var captured = DomainCapabilitiesXml.Load(capture);

        Assert.That(live.Domain, Is.EqualTo(captured.Domain));
        Assert.That(live.Path, Is.EqualTo(captured.Path));
        Assert.That(SupportedModes(live), Is.EqualTo(SupportedModes(captured)));
        Assert.That(live.DiskBuses, Is.EquivalentTo(captured.DiskBuses));
    }

    private static string[] SupportedModes(DomainCapabilitiesXml capabilities) =>
        capabilities.Cpu!.Modes.Where(m => m.Supported).Select(m => m.Name!).Order(StringComparer.Ordinal).ToArray();
}
