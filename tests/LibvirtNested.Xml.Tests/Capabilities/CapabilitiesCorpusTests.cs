using LibvirtNested.Xml.Capabilities;
using LibvirtNested.Xml.Tests.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Capabilities;

[TestFixture]
public sealed class CapabilitiesCorpusTests
{
    [Test]
    public void Every_typed_property_of_every_corpus_capabilities_document_reads()
    {
        var entries = LibvirtNested.Testing.Corpus.OfKind("capabilities", validOnly: true).ToList();
        var failures = new List<string>();
        var read = 0;
        foreach (var entry in entries)
        {
            var (entryFailures, count) = ViewWalker.ReadAll(CapabilitiesXml.Load(entry.FullPath));
            read += count;
            failures.AddRange(entryFailures.Select(f => entry.Path + ": " + f));
        }

        TestContext.Out.WriteLine($"{entries.Count} capabilities documents, {read} property reads");
        Assert.That(entries, Has.Count.EqualTo(22));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Corpus_host_cpus_report_their_virtualization_extension()
    {
        var byFile = LibvirtNested.Testing.Corpus.OfKind("capabilities", validOnly: true)
            .ToDictionary(e => Path.GetFileName(e.Path), e => CapabilitiesXml.Load(e.FullPath));

        Assert.That(byFile["caps-test2.xml"].Host!.Cpu!.VirtualizationExtension, Is.EqualTo("vmx"));
        Assert.That(byFile["caps-test2.xml"].SupportsDomainType("x86_64", "kvm"), Is.True);
        Assert.That(byFile["caps-test2.xml"].FindGuest("hvm", "i686")!.MachinesFor("kvm").Select(m => m.Name), Does.Contain("isapc"));
        Assert.That(byFile.Values.Count(c => c.Host?.Cpu?.HasHardwareVirtualization == true), Is.GreaterThan(0));
    }

    [Test]
    public void The_real_host_is_an_x86_64_amd_without_vmx_or_svm_that_runs_kvm()
    {
        var caps = CapabilitiesXml.Load(RealHost.PathOf("capabilities.xml"));
        var cpu = caps.Host!.Cpu!;

        Assert.That(ViewWalker.ReadAll(caps).Failures, Is.Empty);
        Assert.That(cpu.Arch, Is.EqualTo("x86_64"));
        Assert.That(cpu.Vendor, Is.EqualTo("AMD"));
        Assert.That(cpu.HasFeature("hypervisor"), Is.True, "the capture was taken inside a VM");
        // The capture's kernel exposes /dev/kvm through kvm_pvm: no vmx/svm flag, so L1 guests cannot nest further.
        Assert.That(cpu.VirtualizationExtension, Is.Null);
        Assert.That(cpu.HasHardwareVirtualization, Is.False);
        Assert.That((cpu.Topology!.Sockets, cpu.Topology.Cores, cpu.Topology.Threads), Is.EqualTo(((int?)1, (int?)2, (int?)1)));
        Assert.That(caps.Host.Topology!.CpuCount, Is.EqualTo(2));
        Assert.That(caps.SupportsDomainType("x86_64", "kvm"), Is.True);
        Assert.That(caps.SupportsDomainType("i686", "qemu"), Is.True);
        var guest = caps.FindGuest("hvm", "x86_64")!;
        Assert.That(guest.Emulator, Is.EqualTo("/usr/bin/qemu-system-x86_64"));
        Assert.That(guest.Machines.Single(m => m.Name == "pc").Canonical, Is.EqualTo("pc-i440fx-7.2"));
        Assert.That(guest.MachinesFor("kvm"), Is.Not.Empty);
    }
}
