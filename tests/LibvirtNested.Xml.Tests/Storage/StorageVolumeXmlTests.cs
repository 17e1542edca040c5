using LibvirtNested.Testing;
using LibvirtNested.Xml.Storage;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Storage;

[TestFixture]
public sealed class StorageVolumeXmlTests
{
    private const string Dumped = """
        <volume type='file'>
          <name>l1.qcow2</name>
          <key>/var/lib/libvirt/images/l1.qcow2</key>
          <capacity unit='bytes'>17179869184</capacity>
          <allocation unit='bytes'>200704</allocation>
          <physical unit='bytes'>196624</physical>
          <target>
            <path>/var/lib/libvirt/images/l1.qcow2</path>
            <format type='qcow2'/>
            <permissions>
              <mode>0600</mode>
              <owner>0</owner>
              <group>0</group>
            </permissions>
            <compat>1.1</compat>
          </target>
          <backingStore>
            <path>/var/lib/libvirt/images/base.qcow2</path>
            <format type='qcow2'/>
          </backingStore>
        </volume>
        """;

    [Test]
    public void Create_makes_the_volume_a_nested_guest_needs_and_it_passes_the_schema()
    {
        var volume = StorageVolumeXml.Create("l2.qcow2", 16UL << 30);

        Assert.That(RelaxNg.Validate("storagevol", volume.ToXmlString()), Is.Null);
        Snapshot.Verify(volume.ToXmlString());
    }

    [Test]
    public void Create_with_a_raw_format_or_none()
    {
        var raw = StorageVolumeXml.Create("disk.img", 1_000_000_000, "raw");
        var none = StorageVolumeXml.Create("disk.img", 512, null);

        Assert.That(raw.TargetFormat, Is.EqualTo("raw"));
        Assert.That(raw.CapacityBytes, Is.EqualTo(1_000_000_000UL));
        Assert.That(none.ToXmlString(), Is.EqualTo("<volume>\n  <name>disk.img</name>\n  <capacity unit='bytes'>512</capacity>\n  <target/>\n</volume>"));
        Assert.That(RelaxNg.Validate("storagevol", [("raw", raw.ToXmlString()), ("none", none.ToXmlString())]), Is.Empty);
    }

    [TestCase("")]
    [TestCase("dir/l2.qcow2")]
    public void Create_refuses_a_name_that_is_not_a_file_name(string name)
    {
        Assert.Throws<ArgumentException>(() => StorageVolumeXml.Create(name, 1));
    }

    [Test]
    public void Reads_what_vol_dumpxml_prints()
    {
        var volume = StorageVolumeXml.Parse(Dumped);

        Assert.That((volume.Type, volume.Name, volume.Key), Is.EqualTo(("file", "l1.qcow2", "/var/lib/libvirt/images/l1.qcow2")));
        Assert.That((volume.CapacityBytes, volume.AllocationBytes, volume.PhysicalBytes), Is.EqualTo(((ulong?)17179869184, (ulong?)200704, (ulong?)196624)));
        Assert.That((volume.TargetPath, volume.TargetFormat), Is.EqualTo(("/var/lib/libvirt/images/l1.qcow2", "qcow2")));
        Assert.That((volume.BackingStorePath, volume.BackingStoreFormat), Is.EqualTo(("/var/lib/libvirt/images/base.qcow2", "qcow2")));
        Assert.That(volume.ToXmlString(), Is.EqualTo(Dumped));
        Assert.That(RelaxNg.Validate("storagevol", Dumped), Is.Null);
    }

    [Test]
    public void Sizes_without_a_unit_are_bytes_and_other_units_convert()
    {
        var volume = StorageVolumeXml.Parse("<volume><name>v</name><capacity>1024</capacity><allocation unit='G'>2</allocation><target/></volume>");

        Assert.That(volume.CapacityBytes, Is.EqualTo(1024UL));
        Assert.That(volume.AllocationBytes, Is.EqualTo(2UL << 30));
    }

    [Test]
    public void Setters_write_in_place_and_null_removes()
    {
        var volume = StorageVolumeXml.Parse(Dumped);
        volume.CapacityBytes = 32UL << 30;
        volume.TargetFormat = "raw";
        volume.TargetPath = null;
        volume.AllocationBytes = null;
        volume.Key = null;
        volume.Type = null;

        Snapshot.Verify(volume.ToXmlString());
        Assert.That(RelaxNg.Validate("storagevol", volume.ToXmlString()), Is.Null);
    }

    [Test]
    public void A_target_is_added_where_libvirt_writes_it()
    {
        var volume = StorageVolumeXml.Parse("<volume>\n  <name>v</name>\n  <capacity>1</capacity>\n</volume>");
        volume.TargetPath = "/images/v";
        volume.AllocationBytes = 0;

        Assert.That(volume.ToXmlString(), Is.EqualTo("<volume>\n  <name>v</name>\n  <capacity>1</capacity>\n  <allocation unit='bytes'>0</allocation>\n  <target>\n    <path>/images/v</path>\n  </target>\n</volume>"));
    }

    [Test]
    public void A_malformed_size_fails_on_read_naming_the_path()
    {
        var volume = StorageVolumeXml.Parse("<volume><name>v</name><capacity unit='parsec'>3</capacity><allocation>lots</allocation></volume>");

        var e = Assert.Throws<LibvirtXmlValueException>(() => _ = volume.CapacityBytes)!;
        Assert.That((e.ElementPath, e.AttributeName), Is.EqualTo(("/volume/capacity", "unit")));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = volume.AllocationBytes)!.ElementPath, Is.EqualTo("/volume/allocation"));
    }

    [Test]
    public void Load_and_clone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lvn-vol-{Guid.NewGuid():N}.xml");
        try
        {
            File.WriteAllText(path, Dumped);
            using var stream = File.OpenRead(path);
            var loaded = StorageVolumeXml.Load(path);
            var clone = loaded.Clone();
            clone.Name = "other";

            Assert.That(StorageVolumeXml.Load(stream).ToXmlString(), Is.EqualTo(Dumped));
            Assert.That(loaded.Name, Is.EqualTo("l1.qcow2"));
            Assert.That(clone.Name, Is.EqualTo("other"));
            Assert.Throws<LibvirtXmlParseException>(() => StorageVolumeXml.Parse("<pool/>"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
