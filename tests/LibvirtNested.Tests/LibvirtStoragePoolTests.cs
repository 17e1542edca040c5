using LibvirtNested.Xml.Storage;
using NUnit.Framework;

namespace LibvirtNested.Tests;

public class LibvirtStoragePoolTests : TestDriverFixture
{
    [Test]
    public void Directory_pool_is_defined_built_started_listed_and_removed()
    {
        var name = TestDriver.UniqueName("pool");
        using var pool = Connection.DefineDirectoryPool(name, "/var/lib/libvirt/images/" + name);
        try
        {
            pool.Build();
            pool.Start();
            pool.SetAutostart(true);
            pool.Refresh();

            Assert.That(pool.IsActive, Is.True);
            Assert.That(pool.GetLiveXml().Element.Element("target")!.Element("path")!.Value, Does.EndWith(name));
            using var found = Connection.GetStoragePool(name);
            Assert.That(found.Name, Is.EqualTo(name));
            Assert.That(ListNames(LibvirtListFilter.Active), Does.Contain(name));
        }
        finally
        {
            pool.Destroy();
            pool.Undefine();
        }

        Assert.That(Connection.TryGetStoragePool(name, out _), Is.False);
    }

    [Test]
    public void Missing_pool_is_not_found()
    {
        var error = Assert.Throws<LibvirtNotFoundException>(() => Connection.GetStoragePool(TestDriver.UniqueName("nopool")));

        Assert.That(error!.CodeName, Is.EqualTo("VIR_ERR_NO_STORAGE_POOL"));
    }

    [TestCase("qcow2")]
    [TestCase("raw")]
    public void Volume_is_created_with_a_path_and_deleted(string format)
    {
        using var pool = Connection.GetStoragePool("default-pool");
        var name = TestDriver.UniqueName("vol") + "." + format;

        using var volume = pool.CreateVolume(name, 1L << 30, format);

        Assert.That(volume.Name, Is.EqualTo(name));
        Assert.That(volume.Path, Does.EndWith("/" + name));
        Assert.That(volume.GetXml().Element.Element("capacity")!.Value, Is.EqualTo((1L << 30).ToString()));
        Assert.That(pool.TryGetVolume(name, out var found), Is.True);
        found!.Dispose();

        volume.Delete();

        Assert.That(pool.TryGetVolume(name, out _), Is.False);
        Assert.Throws<LibvirtNotFoundException>(() => pool.GetVolume(name));
    }

    [Test]
    public void Volume_from_typed_xml_and_duplicate_is_already_exists()
    {
        using var pool = Connection.GetStoragePool("default-pool");
        var name = TestDriver.UniqueName("volxml");
        var xml = StorageVolumeXml.Parse($"<volume><name>{name}</name><capacity unit='MiB'>64</capacity></volume>");

        using var volume = pool.CreateVolume(xml);
        try
        {
            var error = Assert.Throws<LibvirtAlreadyExistsException>(() => pool.CreateVolume(xml));
            Assert.That(error!.LibvirtMessage, Does.Contain("already exists"));
        }
        finally
        {
            volume.Delete();
        }
    }

    private List<string> ListNames(LibvirtListFilter filter)
    {
        var pools = Connection.ListStoragePools(filter);
        var names = pools.Select(p => p.Name).ToList();
        foreach (var p in pools)
        {
            p.Dispose();
        }

        return names;
    }
}
