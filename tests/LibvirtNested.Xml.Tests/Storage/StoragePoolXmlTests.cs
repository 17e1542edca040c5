using LibvirtNested.Testing;
using LibvirtNested.Xml.Storage;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Storage;

[TestFixture]
public sealed class StoragePoolXmlTests
{
    private const string Dumped = """
        <pool type='dir'>
          <name>default</name>
          <uuid>3c0e6c54-6a5e-4b8f-9d8a-1f2e3d4c5b6a</uuid>
          <capacity unit='bytes'>105089261568</capacity>
          <allocation unit='bytes'>20133171200</allocation>
          <available unit='bytes'>84956090368</available>
          <source>
          </source>
          <target>
            <path>/var/lib/libvirt/images</path>
            <permissions>
              <mode>0711</mode>
              <owner>0</owner>
              <group>0</group>
            </permissions>
          </target>
        </pool>
        """;

    [Test]
    public void CreateDirectory_makes_a_dir_pool_that_passes_the_schema()
    {
        var pool = StoragePoolXml.CreateDirectory("nested", "/var/lib/libvirt/nested");

        Assert.That((pool.Type?.Value, pool.Name, pool.TargetPath), Is.EqualTo(("dir", "nested", "/var/lib/libvirt/nested")));
        Assert.That(RelaxNg.Validate("storagepool", pool.ToXmlString()), Is.Null);
        Snapshot.Verify(pool.ToXmlString());
    }

    [TestCase("", "/images")]
    [TestCase("a/b", "/images")]
    [TestCase("nested", "images")]
    [TestCase("nested", "")]
    public void CreateDirectory_refuses_bad_names_and_relative_paths(string name, string path)
    {
        Assert.Throws<ArgumentException>(() => StoragePoolXml.CreateDirectory(name, path));
    }

    [Test]
    public void Reads_what_pool_dumpxml_prints()
    {
        var pool = StoragePoolXml.Parse(Dumped);

        Assert.That((pool.Type?.Value, pool.Name, pool.Uuid), Is.EqualTo(("dir", "default", (Guid?)Guid.Parse("3c0e6c54-6a5e-4b8f-9d8a-1f2e3d4c5b6a"))));
        Assert.That((pool.CapacityBytes, pool.AllocationBytes, pool.AvailableBytes), Is.EqualTo(((ulong?)105089261568, (ulong?)20133171200, (ulong?)84956090368)));
        Assert.That(pool.TargetPath, Is.EqualTo("/var/lib/libvirt/images"));
        Assert.That((pool.SourceDevicePath, pool.SourceDirPath), Is.EqualTo(((string?)null, (string?)null)));
        Assert.That(pool.ToXmlString(), Is.EqualTo(Dumped));
        Assert.That(RelaxNg.Validate("storagepool", Dumped), Is.Null);
    }

    [Test]
    public void Reads_source_device_and_directory()
    {
        var fs = StoragePoolXml.Parse("<pool type='fs'><name>f</name><source><device path='/dev/sdb1'/></source><target><path>/mnt</path></target></pool>");
        var netfs = StoragePoolXml.Parse("<pool type='netfs'><name>n</name><source><host name='nfs'/><dir path='/export'/></source><target><path>/mnt</path></target></pool>");

        Assert.That(fs.SourceDevicePath, Is.EqualTo("/dev/sdb1"));
        Assert.That(netfs.SourceDirPath, Is.EqualTo("/export"));
    }

    [Test]
    public void Uuid_is_written_after_the_name_and_null_removes_it()
    {
        var pool = StoragePoolXml.CreateDirectory("nested", "/srv/nested");
        pool.Uuid = Guid.Parse("11111111-2222-3333-4444-555555555555");
        Assert.That(pool.ToXmlString(), Is.EqualTo("<pool type='dir'>\n  <name>nested</name>\n  <uuid>11111111-2222-3333-4444-555555555555</uuid>\n  <target>\n    <path>/srv/nested</path>\n  </target>\n</pool>"));

        pool.Uuid = null;
        pool.TargetPath = null;
        Assert.That(pool.ToXmlString(), Is.EqualTo("<pool type='dir'>\n  <name>nested</name>\n  <target/>\n</pool>"));
    }

    [Test]
    public void Malformed_uuid_and_sizes_fail_on_read_naming_the_path()
    {
        var pool = StoragePoolXml.Parse("<pool type='dir'><name>p</name><uuid>nope</uuid><available unit='KiB'>x</available></pool>");

        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = pool.Uuid)!.ElementPath, Is.EqualTo("/pool/uuid"));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = pool.AvailableBytes)!.ElementPath, Is.EqualTo("/pool/available"));
    }

    [Test]
    public void Load_and_clone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lvn-pool-{Guid.NewGuid():N}.xml");
        try
        {
            File.WriteAllText(path, Dumped);
            using var stream = File.OpenRead(path);
            var clone = StoragePoolXml.Load(path).Clone();
            clone.Name = "other";

            Assert.That(StoragePoolXml.Load(stream).Name, Is.EqualTo("default"));
            Assert.That(clone.ToXmlString(), Is.EqualTo(Dumped.Replace("<name>default</name>", "<name>other</name>", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
