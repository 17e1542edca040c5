using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>Directory storage pools and qcow2 volumes on the real storage driver.</summary>
[DependsOnFixture(typeof(EditTests), AllowFailure = true)]
public class StorageTests
{
    [Test]
    public void Directory_pool_creates_and_deletes_a_qcow2_volume()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var folder = cleanup.TempDirectory();
        var name = Daemon.UniqueName("pool");

        var pool = cleanup.Track(connection.DefineDirectoryPool(name, folder));
        pool.Build();
        pool.Start();
        Assert.That(pool.IsActive, Is.True);

        using (var volume = pool.CreateVolume("l1-system.qcow2", 64L << 20))
        {
            var path = volume.Path;
            Assert.That(path, Is.EqualTo(Path.Combine(folder, "l1-system.qcow2")));
            Assert.That(File.Exists(path), Is.True, $"no file at {path}");
            Assert.That(Magic(path), Is.EqualTo(new byte[] { (byte)'Q', (byte)'F', (byte)'I', 0xfb }), "not a qcow2 image");
            var xml = volume.GetXml();
            Assert.That((xml.TargetFormat, xml.CapacityBytes, xml.TargetPath), Is.EqualTo(("qcow2", (ulong?)(64UL << 20), path)));

            pool.Refresh();
            Assert.That(pool.TryGetVolume("l1-system.qcow2", out var found), Is.True);
            found!.Dispose();

            volume.Delete();
            Assert.That(File.Exists(path), Is.False);
        }

        Assert.That(pool.TryGetVolume("l1-system.qcow2", out _), Is.False);
        pool.Destroy();
        Assert.That(pool.IsActive, Is.False);
        pool.Undefine();
        Assert.That(connection.TryGetStoragePool(name, out _), Is.False);
    }

    private static byte[] Magic(string path)
    {
        using var file = File.OpenRead(path);
        var magic = new byte[4];
        file.ReadExactly(magic);
        return magic;
    }
}
