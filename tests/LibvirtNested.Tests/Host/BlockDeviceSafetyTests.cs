using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

/// <summary>The partition / holder / mount / swap logic against a fixture root with a fake sysfs, mountinfo and swaps; and
/// the refusals of paths that are not block devices on the real system.</summary>
[TestFixture]
public sealed class BlockDeviceSafetyTests
{
    private static BlockDeviceSafety Busy => new(HostFixtures.BlockDevices("busy"));

    [Test]
    public void EnsureSafe_fits_the_lun_disk_verify_hook()
    {
        Action<string> verify = BlockDeviceSafety.EnsureSafe;

        Assert.That(() => verify("/nonexistent/disk"), Throws.TypeOf<NotABlockDeviceException>());
    }

    [Test]
    public void A_disk_with_a_mounted_partition_and_a_mounted_holder_is_refused_naming_both_mount_points()
    {
        var exception = Assert.Throws<BlockDeviceInUseException>(() => Busy.EnsureKernelDevice("sdb"))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain("/mnt/my data"), "octal escapes of mountinfo are decoded");
            Assert.That(exception.Message, Does.Contain("/home"));
            Assert.That(exception.Message, Does.Contain("sdb1 (partition) is mounted on /mnt/my data"));
            Assert.That(exception.Message, Does.Contain("dm-0 (holder) is mounted on /home"));
            Assert.That(exception.Path, Is.EqualTo("/dev/sdb"));
            Assert.That(exception.Uses.Select(u => (u.Device, u.Relation, u.Kind, u.Location)), Is.EqualTo(new[]
            {
                ("sdb1", "partition", BlockDeviceUseKind.Mount, "/mnt/my data"),
                ("dm-0", "holder", BlockDeviceUseKind.Mount, "/home"),
            }));
            Assert.That(exception.Uses[0].Evidence, Does.StartWith("40 22 8:17 / /mnt/my\\040data"));
        });
    }

    [Test]
    public void Partitions_and_holders_come_from_sysfs()
    {
        var usage = Busy.InspectKernelDevice("sdb");

        Assert.Multiple(() =>
        {
            Assert.That(usage.Partitions, Is.EqualTo(new[] { "sdb1", "sdb2", "sdb3" }));
            Assert.That(usage.Holders, Is.EqualTo(new[] { "dm-0" }));
            Assert.That(usage.DeviceNumber, Is.EqualTo("8:16"));
            Assert.That(usage.IsInUse, Is.True);
        });
    }

    [Test]
    public void A_free_partition_next_to_a_mounted_one_is_accepted()
    {
        var usage = Busy.EnsureKernelDevice("sdb2");

        Assert.Multiple(() =>
        {
            Assert.That(usage.IsInUse, Is.False);
            Assert.That(usage.Partitions, Is.Empty);
            Assert.That(usage.DeviceNumber, Is.EqualTo("8:18"));
        });
    }

    [Test]
    public void A_free_disk_is_accepted()
    {
        var usage = Busy.EnsureKernelDevice("sdc");

        Assert.Multiple(() =>
        {
            Assert.That(usage.Uses, Is.Empty);
            Assert.That(usage.Partitions, Is.EqualTo(new[] { "sdc1" }));
            Assert.That(usage.Holders, Is.Empty);
        });
    }

    [Test]
    public void The_system_disk_is_refused_for_its_root_mount_and_its_swap_partition()
    {
        var exception = Assert.Throws<BlockDeviceInUseException>(() => Busy.EnsureKernelDevice("sda"))!;

        Assert.That(exception.Uses.Select(u => u.ToString()), Is.EqualTo(new[]
        {
            "sda1 (partition) is mounted on /",
            "sda2 (partition) is used as swap (/dev/sda2)",
        }));
    }

    [Test]
    public void A_whole_disk_used_as_swap_is_refused()
    {
        var exception = Assert.Throws<BlockDeviceInUseException>(() => Busy.EnsureKernelDevice("sdd"))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Uses.Single().Kind, Is.EqualTo(BlockDeviceUseKind.Swap));
            Assert.That(exception.Uses.Single().Relation, Is.EqualTo("itself"));
            Assert.That(exception.Message, Does.Contain("swap (/dev/sdd)"));
        });
    }

    [Test]
    public void Holders_are_followed_recursively_and_matched_by_device_mapper_name()
    {
        var exception = Assert.Throws<BlockDeviceInUseException>(() => Busy.EnsureKernelDevice("sde"))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Usage!.Holders, Is.EqualTo(new[] { "md0", "dm-1" }));
            Assert.That(exception.Uses.Single().ToString(), Is.EqualTo("dm-1 (holder) is used as swap (/dev/mapper/crypt-swap)"));
        });
    }

    [Test]
    public void A_btrfs_mount_with_an_anonymous_device_number_is_matched_by_its_source()
    {
        var exception = Assert.Throws<BlockDeviceInUseException>(() => Busy.EnsureKernelDevice("nvme0n1"))!;

        Assert.That(exception.Uses.Single().ToString(), Is.EqualTo("nvme0n1p1 (partition) is mounted on /srv/snapshots"));
    }

    [Test]
    public void An_unknown_kernel_device_is_not_a_block_device()
    {
        var exception = Assert.Throws<NotABlockDeviceException>(() => Busy.EnsureKernelDevice("sdz"))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Exists, Is.False);
            Assert.That(exception.Message, Does.Contain("/sys/class/block/sdz"));
        });
    }

    [Test]
    public void A_regular_file_is_refused_with_a_clear_message()
    {
        using var tree = TemporaryTree.Empty();
        var file = tree.Combine("disk.img");
        File.WriteAllText(file, "not a disk");

        var exception = Assert.Throws<NotABlockDeviceException>(() => BlockDeviceSafety.EnsureSafe(file))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain($"'{file}' is a regular file, not a block device"));
            Assert.That(exception.Exists, Is.True);
            Assert.That(exception.Path, Is.EqualTo(file));
        });
    }

    [Test]
    public void A_missing_path_is_refused_with_a_clear_message()
    {
        var exception = Assert.Throws<NotABlockDeviceException>(() => BlockDeviceSafety.EnsureSafe("/dev/disk/by-id/no-such-disk"))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Is.EqualTo("'/dev/disk/by-id/no-such-disk' does not exist."));
            Assert.That(exception.Exists, Is.False);
        });
    }

    [Test]
    public void A_dangling_link_names_its_target()
    {
        using var tree = TemporaryTree.Empty();
        var link = tree.Combine("by-id-link");
        File.CreateSymbolicLink(link, "/dev/no-such-device");

        var exception = Assert.Throws<NotABlockDeviceException>(() => BlockDeviceSafety.EnsureSafe(link))!;

        Assert.That(exception.Message, Does.Contain("is a symbolic link to '/dev/no-such-device', which does not exist"));
    }

    [Test]
    public void A_directory_and_a_character_device_are_refused()
    {
        using var tree = TemporaryTree.Empty();

        Assert.Multiple(() =>
        {
            Assert.That(() => BlockDeviceSafety.EnsureSafe(tree.Path),
                Throws.TypeOf<NotABlockDeviceException>().With.Message.Contains("is a directory, not a block device"));
            Assert.That(() => BlockDeviceSafety.EnsureSafe("/dev/null"),
                Throws.TypeOf<NotABlockDeviceException>().With.Message.Contains("is a character device, not a block device"));
        });
    }

    [Test]
    public void A_link_to_a_regular_file_shows_where_it_points()
    {
        using var tree = TemporaryTree.Empty();
        var file = tree.Combine("image.raw");
        File.WriteAllText(file, string.Empty);
        var link = tree.Combine("by-id-link");
        File.CreateSymbolicLink(link, file);

        Assert.That(() => BlockDeviceSafety.EnsureSafe(link),
            Throws.TypeOf<NotABlockDeviceException>().With.Message.Contains($"(→ '{file}') is a regular file"));
    }

    [Test]
    public void The_device_holding_this_machines_root_filesystem_is_refused()
    {
        var root = File.ReadAllLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .FirstOrDefault(fields => fields.Length > 9 && fields[4] == "/" && Array.IndexOf(fields, "-") is > 5 and var dash && fields[dash + 2].StartsWith("/dev/", StringComparison.Ordinal));
        var source = root?[Array.IndexOf(root, "-") + 2];
        if (source is null || !File.Exists(source))
        {
            Assert.Ignore("/ is not mounted from a /dev block device here (overlay or tmpfs root)");
        }

        var exception = Assert.Throws<BlockDeviceInUseException>(() => BlockDeviceSafety.EnsureSafe(source))!;

        Assert.That(exception.Uses.Select(u => u.Location), Does.Contain("/"));
    }
}
