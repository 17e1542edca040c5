using System.Diagnostics;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>Domains on the real qemu driver: define with validation, start under TCG, state, destroy, undefine, refusals.</summary>
[DependsOnFixture(typeof(NetworkTests), AllowFailure = true)]
public class DomainLifecycleTests
{
    [Test]
    public void Qemu_guest_is_defined_with_validation_started_under_tcg_destroyed_and_undefined()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var name = Daemon.UniqueName("tcg");

        var domain = cleanup.Track(connection.DefineDomain(Guests.Minimal(name)));
        Assert.That(domain.GetState().State, Is.EqualTo(DomainState.ShutOff));
        Assert.That(domain.GetInactiveXml().Type, Is.EqualTo("qemu"));

        var clock = Stopwatch.StartNew();
        domain.Start();
        var started = clock.Elapsed;
        try
        {
            var running = domain.GetState();
            Assert.That(running.State, Is.EqualTo(DomainState.Running));
            Assert.That(running.Reason, Is.EqualTo("booted"));
            Assert.That(domain.IsActive, Is.True);
            Assert.That(domain.GetLiveXml().Element.Attribute("id"), Is.Not.Null, "a running domain's live XML carries its id");
            Assert.That(domain.GetInactiveXml().Element.Attribute("id"), Is.Null, "the definition carries none");

            // The README's promise, on qemu: starting a running guest is LibvirtOperationInvalidException.
            Assert.Throws<LibvirtOperationInvalidException>(domain.Start);
        }
        finally
        {
            clock.Restart();
            domain.Destroy();
            TestContext.Out.WriteLine($"start {started.TotalSeconds:F1} s, destroy {clock.Elapsed.TotalSeconds:F1} s");
        }

        var stopped = domain.GetState();
        Assert.That(stopped.State, Is.EqualTo(DomainState.ShutOff));
        Assert.That(stopped.Reason, Is.EqualTo("destroyed"));
        Assert.That(domain.IsActive, Is.False);

        domain.Undefine();
        Assert.That(connection.TryGetDomain(name, out var gone), Is.False);
        Assert.That(gone, Is.Null);
    }

    [Test]
    public void Kvm_guest_starts_with_the_default_cpu()
    {
        Daemon.RequireKvm();
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var domain = cleanup.Track(connection.DefineDomain(Guests.Minimal(Daemon.UniqueName("kvm"), "kvm")));

        domain.Start();

        Assert.That(domain.GetState().State, Is.EqualTo(DomainState.Running));
        domain.Destroy();
        Assert.That(domain.GetState().Reason, Is.EqualTo("destroyed"));
    }

    [Test]
    public void Kvm_guest_with_host_passthrough_starts_once_arch_capabilities_is_disabled()
    {
        // This host's KVM (kvm_pvm) lets QEMU crash on MSR 0x10a with the host CPU; without arch-capabilities it runs.
        Daemon.RequireKvm();
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var definition = Guests.Minimal(Daemon.UniqueName("kvm-passthrough"), "kvm").UseHostPassthrough();
        definition.Cpu!.SetFeature("arch-capabilities", DomainCpuFeaturePolicy.Disable);
        var domain = cleanup.Track(connection.DefineDomain(definition));

        domain.Start();

        var live = domain.GetLiveXml();
        Assert.That(domain.GetState().State, Is.EqualTo(DomainState.Running));
        Assert.That(live.Cpu?.Mode, Is.EqualTo(DomainCpuMode.HostPassthrough));
        Assert.That(live.Cpu?.Features.Select(f => (f.Name, f.Policy)), Does.Contain(("arch-capabilities", (DomainCpuFeaturePolicy?)DomainCpuFeaturePolicy.Disable)));
        domain.Destroy();
    }

    [Test]
    public void Host_passthrough_on_a_tcg_guest_is_defined_but_start_is_refused_as_unsupported_configuration()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var definition = Guests.Minimal(Daemon.UniqueName("tcg-passthrough")).UseHostPassthrough();

        var domain = cleanup.Track(connection.DefineDomain(definition));
        Assert.That(domain.GetInactiveXml().Cpu?.Mode, Is.EqualTo(DomainCpuMode.HostPassthrough));

        var error = Assert.Throws<LibvirtUnsupportedConfigurationException>(domain.Start);

        TestContext.Out.WriteLine($"start refused: code {error!.Code} ({error.CodeName}), domain {error.Domain} ({error.DomainName}): {error.LibvirtMessage}");
        Assert.That(error.Code, Is.EqualTo(67));
        Assert.That(error.CodeName, Is.EqualTo("VIR_ERR_CONFIG_UNSUPPORTED"));
        Assert.That(error.Domain, Is.EqualTo(10), "VIR_FROM_QEMU");
        Assert.That(error.LibvirtMessage, Does.Contain("host-passthrough").IgnoreCase);
        Assert.That(error.Function, Is.EqualTo("virDomainCreate"));
        Assert.That(domain.IsActive, Is.False);
    }

    [Test]
    public void Schema_invalid_definition_is_refused_with_validation_and_nothing_is_defined()
    {
        using var connection = Daemon.Connect();
        var name = Daemon.UniqueName("invalid");
        var definition = Guests.Minimal(name);
        definition.Element.Element("memory")!.SetAttributeValue("unit", "parsecs");

        var error = Assert.Throws<LibvirtSchemaValidationException>(() => connection.DefineDomain(definition).Dispose());

        TestContext.Out.WriteLine($"schema: code {error!.Code}, domain {error.Domain}: {error.LibvirtMessage}");
        Assert.That((error.Code, error.Domain), Is.EqualTo((92, 5)), "VIR_ERR_XML_INVALID_SCHEMA from VIR_FROM_XML");
        Assert.That(connection.TryGetDomain(name, out _), Is.False);
    }
}
