using System.Xml.Linq;
using NUnit.Framework;

namespace LibvirtNested.Tests;

/// <summary>The common base of the four handle-owning types, and the API choices of issue 8 that span them.</summary>
public class LibvirtObjectTests : TestDriverFixture
{
    [Test]
    public void The_four_handle_owning_types_share_one_base()
    {
        Type[] owners = [typeof(LibvirtDomain), typeof(LibvirtNetwork), typeof(LibvirtStoragePool), typeof(LibvirtStorageVolume)];

        Assert.That(owners, Has.All.Matches<Type>(t => t!.BaseType == typeof(LibvirtObject) && t.IsSealed));
        Assert.That(typeof(LibvirtObject).GetConstructors(), Is.Empty, "only this library can derive from it");
    }

    [Test]
    public void Every_handle_owner_guards_its_handle_after_dispose()
    {
        var name = TestDriver.UniqueName("base");
        var network = Connection.DefineNetwork(TestDriver.NetworkXmlText(name, "vb" + Guid.NewGuid().ToString("N")[..8], "192.168.214"));
        network.Undefine();
        var domain = Connection.GetDomain("test");
        var pool = Connection.GetStoragePool("default-pool");
        var volume = pool.CreateVolume(TestDriver.UniqueName("vol") + ".img", 1 << 20, "raw");
        volume.Delete();
        var objects = new (LibvirtObject Object, string Kind)[] { (domain, "domain"), (network, "network"), (pool, "pool"), (volume, "volume") };

        foreach (var (owner, kind) in objects)
        {
            Assert.That(owner.IsDisposed, Is.False);
            owner.Dispose();
            owner.Dispose();

            Assert.That(owner.IsDisposed, Is.True, kind);
            Assert.That(owner.ToString(), Is.EqualTo($"(disposed {kind})"));
            Assert.Throws<ObjectDisposedException>(() => _ = owner.Name, kind);
        }
    }

    [Test]
    public void Starting_a_running_guest_network_or_pool_is_operation_invalid()
    {
        // The README names LibvirtOperationInvalidException. qemu reports VIR_ERR_OPERATION_INVALID (55); the test
        // driver an internal error (1), mapped to the same type in LibvirtError.Map. Before: a plain LibvirtException.
        using var defined = TestDriver.Define(Connection, "started");
        defined.Domain.Start();

        var error = Assert.Throws<LibvirtOperationInvalidException>(defined.Domain.Start);

        Assert.That(error!.LibvirtMessage, Does.Contain("already running"));
        using var pool = Connection.GetStoragePool("default-pool");
        Assert.Throws<LibvirtOperationInvalidException>(pool.Start);
    }

    [Test]
    public void DefineDomain_validates_against_the_schema_by_default_like_EditOptions()
    {
        var xml = TestDriver.Domain(TestDriver.UniqueName("strict"));
        xml.Element.Add(new XElement("notInTheSchema"));

        Assert.Throws<LibvirtSchemaValidationException>(() => Connection.DefineDomain(xml).Dispose());
        Assert.That(new EditOptions().Validate, Is.True);
        using var lenient = Connection.DefineDomain(xml, DomainDefineOptions.None);
        lenient.Undefine();
    }

    [Test]
    public void Live_and_inactive_xml_differ_for_a_running_guest_and_say_so_in_their_names()
    {
        using var defined = TestDriver.Define(Connection, "liveinactive");
        defined.Domain.Start();

        Assert.That(defined.Domain.GetLiveXml().Element.Attribute("id"), Is.Not.Null, "the running guest has an id");
        Assert.That(defined.Domain.GetInactiveXml().Element.Attribute("id"), Is.Null, "the definition has none");
        Assert.That(defined.Domain.GetInactiveXmlString(), Is.EqualTo(defined.Domain.GetInactiveXml().ToXmlString()));
        Assert.Throws<ArgumentOutOfRangeException>(() => defined.Domain.GetLiveXmlString((DomainXmlOptions)(1 << 1)), "INACTIVE is chosen by the method, not a flag");
    }

    [Test]
    public void LibvirtNotInstalledException_is_caught_by_catch_LibvirtException()
    {
        LibvirtException caught = new LibvirtNotInstalledException();

        Assert.That(caught, Is.InstanceOf<LibvirtNotInstalledException>());
        Assert.That(caught.Code, Is.Zero);
        Assert.That(caught.Message, Does.Contain("libvirt0"));
    }
}
