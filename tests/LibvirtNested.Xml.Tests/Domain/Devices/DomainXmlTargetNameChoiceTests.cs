using System.Globalization;
using System.Text;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

/// <summary>
/// The device edits choose the first free target name in one walk over the disks (a bit mask for indexes below 64, a
/// set above): the choice must equal <see cref="DomainDiskTargetName.FirstFree"/>'s for any set of taken names.
/// </summary>
[TestFixture]
public sealed class DomainXmlTargetNameChoiceTests
{
    [Test]
    public void AddBlockDisk_chooses_the_first_free_name_for_random_taken_sets_across_the_64_boundary()
    {
        var random = new Random(8);
        for (var round = 0; round < 300; round++)
        {
            // Dense runs up to index 70, gap-free in every other round (so the mask is full and the set decides), sparse
            // names beyond, other prefixes mixed in.
            var taken = new List<string>();
            var dense = random.Next(0, 71);
            for (var i = 0; i < dense; i++)
            {
                if (round % 2 == 0 || random.Next(20) != 0)
                {
                    taken.Add(DomainDiskTargetName.FromIndex(i, "vd"));
                }
            }

            for (var i = 0; i < 5; i++)
            {
                taken.Add(DomainDiskTargetName.FromIndex(random.Next(0, 200), random.Next(3) == 0 ? "sd" : "vd"));
            }

            var devices = new StringBuilder();
            for (var i = 0; i < taken.Count; i++)
            {
                devices.Append(CultureInfo.InvariantCulture, $"<disk type='file' device='disk'><source file='/img/{i}.qcow2'/><target dev='{taken[i]}' bus='virtio'/></disk>\n");
            }

            var domain = DeviceXml.WithDevices(devices.ToString());
            var expected = DomainDiskTargetName.FirstFree(taken, "vd");
            var disk = domain.AddBlockDisk("/dev/sdz");
            Assert.That(disk.Target?.Dev, Is.EqualTo(expected), $"round {round}: taken {string.Join(' ', taken)}");
        }
    }

    [Test]
    public void FromIndex_names_indexes_as_libvirt_does()
    {
        Assert.That(
            new[] { 0, 25, 26, 63, 64, 701, 702, int.MaxValue }.Select(i => DomainDiskTargetName.FromIndex(i, "sd")),
            Is.EqualTo(new[] { "sda", "sdz", "sdaa", "sdbl", "sdbm", "sdzz", "sdaaa", "sdfxshrxx" }));
    }
}
