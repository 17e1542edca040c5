using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>
/// <see cref="LibvirtConnection.EditDomainForNesting"/> against the real qemu driver: the L1 edit picks the CPU the
/// domain capabilities allow instead of the host-passthrough CPU libvirt refuses for an emulated guest (code 67).
/// </summary>
[DependsOnFixture(typeof(CapabilitiesTests), AllowFailure = true)]
public class NestingCpuEditTests
{
    [Test]
    public void An_emulated_L1_gets_the_maximum_cpu_with_svm_and_QEMU_starts_it()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var name = Daemon.UniqueName("nest-tcg");
        var domain = cleanup.Track(connection.DefineDomain(Guests.Minimal(name, "qemu")));
        // The edit this replaces: libvirt defines host-passthrough for an emulated guest but refuses to start it.
        connection.EditDomain(name, d => d.UseHostPassthrough());
        var refused = Assert.Throws<LibvirtUnsupportedConfigurationException>(domain.Start);
        Assert.That(refused!.Code, Is.EqualTo(67));

        var result = connection.EditDomainForNesting(name);

        Assert.That((result.Changed, result.Applied), Is.EqualTo((true, true)));
        Assert.That(result.Diff, Does.Contain("-  <cpu mode='host-passthrough'").And.Contain("+  <cpu mode='maximum'"));
        var stored = domain.GetInactiveXml();
        Assert.That(stored.Cpu?.Mode, Is.EqualTo(DomainCpuMode.Maximum));
        Assert.That(stored.Cpu!.Features.Select(f => (f.Element.Attribute("policy")?.Value, f.Element.Attribute("name")?.Value)),
            Is.EqualTo(new[] { ("require", "svm") }));
        Assert.That(connection.EditDomainForNesting(name).Changed, Is.False, "idempotent");

        domain.Start();
        Assert.That(domain.GetState().State, Is.EqualTo(DomainState.Running));
        Assert.That(domain.GetLiveXml().Cpu?.Mode, Is.EqualTo(DomainCpuMode.Maximum));
    }

    [Test]
    public void A_kvm_L1_gets_host_passthrough_where_the_daemon_can_run_kvm_guests()
    {
        Daemon.RequireKvm();
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var name = Daemon.UniqueName("nest-kvm");
        var domain = cleanup.Track(connection.DefineDomain(Guests.Minimal(name, "kvm")));

        connection.EditDomainForNesting(name);

        Assert.That(domain.GetInactiveXml().Cpu?.Mode, Is.EqualTo(DomainCpuMode.HostPassthrough));
    }
}
