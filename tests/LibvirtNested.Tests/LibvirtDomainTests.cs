using System.Xml.Linq;
using NUnit.Framework;

namespace LibvirtNested.Tests;

public class LibvirtDomainTests : TestDriverFixture
{
    [Test]
    public void Define_then_look_up_by_name_and_uuid()
    {
        using var defined = TestDriver.Define(Connection, "lookup");
        var name = defined.Domain.Name;
        var uuid = defined.Domain.Uuid;

        using var byName = Connection.GetDomain(name);
        using var byUuid = Connection.GetDomain(uuid);

        Assert.That(uuid, Is.Not.EqualTo(Guid.Empty));
        Assert.That(byName.Uuid, Is.EqualTo(uuid));
        Assert.That(byUuid.Name, Is.EqualTo(name));
        Assert.That(defined.Domain.IsPersistent, Is.True);
        Assert.That(defined.Domain.IsActive, Is.False);
        Assert.That(defined.Domain.ToString(), Is.EqualTo(name));
    }

    [Test]
    public void Define_with_validation_accepts_a_valid_domain()
    {
        var name = TestDriver.UniqueName("valid");
        using var domain = Connection.DefineDomain(TestDriver.Domain(name));
        try
        {
            Assert.That(domain.Name, Is.EqualTo(name));
        }
        finally
        {
            domain.Undefine();
        }
    }

    [Test]
    public void TryGetDomain_is_false_for_missing_names_and_uuids()
    {
        Assert.That(Connection.TryGetDomain(TestDriver.UniqueName("none"), out var byName), Is.False);
        Assert.That(byName, Is.Null);
        Assert.That(Connection.TryGetDomain(Guid.NewGuid(), out var byUuid), Is.False);
        Assert.That(byUuid, Is.Null);
        Assert.Throws<LibvirtNotFoundException>(() => Connection.GetDomain(Guid.NewGuid()));
    }

    [Test]
    public void TryGetDomain_is_true_for_an_existing_domain()
    {
        using var defined = TestDriver.Define(Connection, "tryget");

        Assert.That(Connection.TryGetDomain(defined.Domain.Name, out var found), Is.True);
        using (found)
        {
            Assert.That(found!.Uuid, Is.EqualTo(defined.Domain.Uuid));
        }
    }

    [Test]
    public void GetXml_inactive_round_trips_the_definition()
    {
        using var defined = TestDriver.Define(Connection, "xml");

        var xml = defined.Domain.GetInactiveXml();

        Assert.That(xml.Name, Is.EqualTo(defined.Domain.Name));
        Assert.That(xml.Type, Is.EqualTo("kvm"));
        Assert.That(xml.Element.Element("uuid")!.Value, Is.EqualTo(defined.Domain.Uuid.ToString()));
        Assert.That(defined.Domain.GetInactiveXmlString(DomainXmlOptions.Secure), Does.StartWith("<domain"));
    }

    [Test]
    public void ListDomains_filters_active_and_inactive()
    {
        using var stopped = TestDriver.Define(Connection, "list-off");
        using var running = TestDriver.Define(Connection, "list-on");
        running.Domain.Start();

        var all = Names(Connection.ListDomains());
        var active = Names(Connection.ListDomains(LibvirtListFilter.Active));
        var inactive = Names(Connection.ListDomains(LibvirtListFilter.Inactive));

        Assert.That(all, Does.Contain(stopped.Domain.Name).And.Contain(running.Domain.Name));
        Assert.That(active, Does.Contain(running.Domain.Name).And.Not.Contain(stopped.Domain.Name));
        Assert.That(inactive, Does.Contain(stopped.Domain.Name).And.Not.Contain(running.Domain.Name));
        Assert.That(all, Does.Contain("test"), "the test driver's built-in domain");
    }

    [Test]
    public void Lifecycle_start_reboot_shutdown_destroy_reports_states_with_reasons()
    {
        using var defined = TestDriver.Define(Connection, "life");
        var domain = defined.Domain;

        Assert.That(domain.GetState().State, Is.EqualTo(DomainState.ShutOff));

        domain.Start();
        var running = domain.GetState();
        Assert.That(running.State, Is.EqualTo(DomainState.Running));
        Assert.That(running.Reason, Is.EqualTo("booted"));
        Assert.That(domain.IsActive, Is.True);

        domain.Reboot();
        Assert.That(domain.GetState().State, Is.EqualTo(DomainState.Running));

        domain.Shutdown();
        var shutOff = domain.GetState();
        Assert.That(shutOff.State, Is.EqualTo(DomainState.ShutOff));
        Assert.That(shutOff.Reason, Is.EqualTo("shutdown"));

        domain.Start();
        domain.Destroy();
        var destroyed = domain.GetState();
        Assert.That(destroyed.Reason, Is.EqualTo("destroyed"));
        Assert.That(destroyed.ToString(), Is.EqualTo("ShutOff (destroyed)"));
    }

    [Test]
    public void Undefine_removes_the_definition()
    {
        var name = TestDriver.UniqueName("undef");
        using var domain = Connection.DefineDomain(TestDriver.Domain(name));

        domain.Undefine(DomainUndefineOptions.ManagedSave | DomainUndefineOptions.SnapshotsMetadata);

        Assert.That(Connection.TryGetDomain(name, out _), Is.False);
    }

    [Test]
    public void Undefine_with_a_flag_the_driver_does_not_know_fails_and_keeps_the_domain()
    {
        using var defined = TestDriver.Define(Connection, "undefflag");

        var error = Assert.Throws<LibvirtException>(() => defined.Domain.Undefine(DomainUndefineOptions.CheckpointsMetadata));

        Assert.That(error!.LibvirtMessage, Does.Contain("unsupported flags (0x10)"));
        Assert.That(defined.Domain.IsPersistent, Is.True);
    }

    [Test]
    public void Undefine_of_a_running_domain_leaves_it_transient()
    {
        var name = TestDriver.UniqueName("transient");
        using var domain = Connection.DefineDomain(TestDriver.Domain(name));
        domain.Start();

        domain.Undefine();

        Assert.That(domain.IsPersistent, Is.False);
        Assert.That(domain.IsActive, Is.True);
        domain.Destroy();
        Assert.That(Connection.TryGetDomain(name, out _), Is.False);
    }

    [Test]
    public void Autostart_can_be_set_and_read()
    {
        using var defined = TestDriver.Define(Connection, "auto");

        Assert.That(defined.Domain.Autostart, Is.False);
        defined.Domain.Autostart = true;
        Assert.That(defined.Domain.Autostart, Is.True);
        defined.Domain.Autostart = false;
        Assert.That(defined.Domain.Autostart, Is.False);
    }

    [Test]
    public void Attach_and_detach_are_unsupported_by_the_test_driver_with_a_typed_error()
    {
        using var defined = TestDriver.Define(Connection, "attach");
        var disk = new XElement(
            "disk",
            new XAttribute("type", "file"),
            new XAttribute("device", "disk"),
            new XElement("source", new XAttribute("file", "/var/lib/libvirt/images/extra.img")),
            new XElement("target", new XAttribute("dev", "vdb"), new XAttribute("bus", "virtio")));

        var attach = Assert.Throws<LibvirtUnsupportedOperationException>(() => defined.Domain.AttachDevice(disk, DomainModificationScope.Config));
        var detach = Assert.Throws<LibvirtUnsupportedOperationException>(() => defined.Domain.DetachDevice(disk.ToString(), DomainModificationScope.Live | DomainModificationScope.Config));

        Assert.That(attach!.Function, Is.EqualTo("virDomainAttachDeviceFlags"));
        Assert.That(detach!.Function, Is.EqualTo("virDomainDetachDeviceFlags"));
        Assert.That(TargetDevices(defined.Domain), Does.Not.Contain("vdb"));
    }

    [Test]
    public void Typed_devices_from_the_domain_model_go_through_the_same_calls()
    {
        using var defined = TestDriver.Define(Connection, "typed");
        var scratch = defined.Domain.GetInactiveXml();
        var nic = scratch.AddNetworkInterface("default");
        var disk = scratch.Devices.Disks.Single();

        var attach = Assert.Throws<LibvirtUnsupportedOperationException>(() => defined.Domain.AttachDevice(nic, DomainModificationScope.Config));
        var detach = Assert.Throws<LibvirtUnsupportedOperationException>(() => defined.Domain.DetachDevice(disk, DomainModificationScope.Config));

        Assert.That(attach!.Function, Is.EqualTo("virDomainAttachDeviceFlags"));
        Assert.That(detach!.Function, Is.EqualTo("virDomainDetachDeviceFlags"));
    }

    [Test]
    public void Calls_on_a_disposed_domain_throw_ObjectDisposedException()
    {
        using var defined = TestDriver.Define(Connection, "disposed");
        var second = Connection.GetDomain(defined.Domain.Name);
        second.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _ = second.Name);
        Assert.That(second.ToString(), Is.EqualTo("(disposed domain)"));
    }

    [Test]
    public void A_domain_outlives_its_connection_object()
    {
        using var other = LibvirtConnection.Open(TestDriver.Uri);
        var name = TestDriver.UniqueName("outlive");
        using var domain = other.DefineDomain(TestDriver.Domain(name));
        other.Dispose();

        Assert.That(domain.Name, Is.EqualTo(name), "libvirt reference-counts the Connection");
        domain.Undefine();
    }

    private static List<string> Names(IReadOnlyList<LibvirtDomain> domains)
    {
        var names = domains.Select(d => d.Name).ToList();
        foreach (var domain in domains)
        {
            domain.Dispose();
        }

        return names;
    }

    private static List<string?> TargetDevices(LibvirtDomain domain) =>
        domain.GetInactiveXml().Element.Descendants("disk").Select(d => (string?)d.Element("target")?.Attribute("dev")).ToList();
}
