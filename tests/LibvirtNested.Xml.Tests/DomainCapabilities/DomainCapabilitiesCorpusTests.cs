using LibvirtNested.Xml.DomainCapabilities;
using LibvirtNested.Xml.Tests.Capabilities;
using LibvirtNested.Xml.Tests.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.DomainCapabilities;

[TestFixture]
public sealed class DomainCapabilitiesCorpusTests
{
    [Test]
    public void Every_typed_property_of_every_corpus_domain_capabilities_document_reads()
    {
        var entries = LibvirtNested.Testing.Corpus.OfKind("domaincaps", validOnly: true).ToList();
        var failures = new List<string>();
        var read = 0;
        foreach (var entry in entries)
        {
            var caps = DomainCapabilitiesXml.Load(entry.FullPath);
            var (entryFailures, count) = ViewWalker.ReadAll(caps);
            read += count;
            failures.AddRange(entryFailures.Select(f => entry.Path + ": " + f));
        }

        TestContext.Out.WriteLine($"{entries.Count} domain capabilities documents, {read} property reads");
        Assert.That(entries, Has.Count.EqualTo(61));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Corpus_qemu_documents_answer_the_nested_virtualization_questions()
    {
        var qemu = LibvirtNested.Testing.Corpus.OfKind("domaincaps", validOnly: true)
            .Where(e => Path.GetFileName(e.Path).StartsWith("qemu_", StringComparison.Ordinal))
            .Select(e => (Name: Path.GetFileName(e.Path), Caps: DomainCapabilitiesXml.Load(e.FullPath)))
            .ToList();

        Assert.That(qemu, Has.Count.GreaterThan(40));
        var kvmX86 = qemu.Where(q => q.Caps.Domain == "kvm" && q.Caps.Arch == "x86_64").ToList();
        Assert.That(kvmX86, Is.Not.Empty);
        Assert.That(kvmX86.Where(q => !q.Caps.Cpu!.IsModeSupported("host-passthrough")).Select(q => q.Name), Is.Empty);
        Assert.That(kvmX86.Where(q => !q.Caps.DiskDevices.Contains("lun")).Select(q => q.Name), Is.Empty);
        Assert.That(kvmX86.Where(q => !q.Caps.DiskBuses.Contains("scsi")).Select(q => q.Name), Is.Empty);
        var tcg = qemu.Where(q => q.Name.Contains("-tcg.", StringComparison.Ordinal)).ToList();
        Assert.That(tcg, Is.Not.Empty);
        Assert.That(tcg.Select(q => q.Caps.Domain).Distinct(), Is.EqualTo(new[] { "qemu" }));
        Assert.That(tcg.Where(q => q.Caps.Cpu!.IsModeSupported("host-passthrough")).Select(q => q.Name), Is.Empty);
        var empty = DomainCapabilitiesXml.Load(LibvirtNested.Testing.Corpus.PathOf("domaincaps/empty.xml"));
        Assert.That(empty.Cpu!.Modes.Where(m => m.Supported), Is.Empty);
        Assert.That(empty.Devices, Is.Empty);
    }

    [Test]
    public void The_real_kvm_domain_capabilities_allow_host_passthrough()
    {
        var caps = DomainCapabilitiesXml.Load(RealHost.PathOf("domcapabilities-kvm.xml"));

        Assert.That(ViewWalker.ReadAll(caps).Failures, Is.Empty);
        Assert.That((caps.Path, caps.Domain, caps.Machine, caps.Arch, caps.VcpuMax), Is.EqualTo(("/usr/bin/qemu-system-x86_64", "kvm", "pc-i440fx-7.2", "x86_64", (int?)255)));
        Assert.That(caps.Cpu!.IsModeSupported("host-passthrough"), Is.True);
        Assert.That(caps.Cpu.IsModeSupported("host-model"), Is.True);
        Assert.That(caps.Cpu.IsModeSupported("maximum"), Is.True);
        Assert.That(caps.Cpu.HostModel!.Model, Is.EqualTo("kvm64"));
        Assert.That(caps.Cpu.HostModel.Vendor, Is.EqualTo("AMD"));
        // ENVIRONMENT.md: host-model/host-passthrough guests crash QEMU here unless arch-capabilities is disabled.
        Assert.That(caps.Cpu.HostModel.Features.Single(f => f.Name == "arch-capabilities").Policy, Is.EqualTo("require"));
        Assert.That(caps.Cpu.HostModel.Features.Any(f => f.Name is "vmx" or "svm"), Is.False);
        Assert.That(caps.Cpu.Custom!.FindModel("pentium3")!.Usable, Is.True);
        Assert.That(caps.Cpu.Custom.FindModel("Skylake-Client")!.Usable, Is.False);
        Assert.That(caps.DiskDevices, Is.EqualTo(new[] { "disk", "cdrom", "floppy", "lun" }));
        Assert.That(caps.DiskBuses, Does.Contain("scsi").And.Contain("virtio"));
        Assert.That(caps.HostdevSubsystemTypes, Is.EqualTo(new[] { "usb", "pci", "scsi" }));
        Assert.That(caps.Os!.Firmwares, Is.Empty, "no OVMF installed on the capture host");
        Assert.That(caps.Os.LoaderTypes, Is.EqualTo(new[] { "rom", "pflash" }));
        Assert.That(caps.IsFeatureSupported("vmcoreinfo"), Is.True);
        Assert.That(caps.IsFeatureSupported("sev"), Is.False);
    }

    [Test]
    public void The_real_qemu_domain_capabilities_refuse_host_passthrough()
    {
        var caps = DomainCapabilitiesXml.Load(RealHost.PathOf("domcapabilities-qemu.xml"));

        Assert.That(ViewWalker.ReadAll(caps).Failures, Is.Empty);
        Assert.That(caps.Domain, Is.EqualTo("qemu"));
        Assert.That(caps.Cpu!.IsModeSupported("host-passthrough"), Is.False);
        Assert.That(caps.Cpu.FindMode("host-passthrough"), Is.Not.Null);
        Assert.That(caps.Cpu.IsModeSupported("host-model"), Is.True);
        Assert.That(caps.Cpu.HostModel!.Model, Is.EqualTo("EPYC"));
        Assert.That(caps.Cpu.HostModel.Features.Select(f => f.Name), Does.Contain("svme-addr-chk").And.Not.Contain("svm").And.Not.Contain("vmx"));
    }
}
