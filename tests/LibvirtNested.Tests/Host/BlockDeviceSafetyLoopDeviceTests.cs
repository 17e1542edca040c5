using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

/// <summary><see cref="BlockDeviceSafety"/> against real loop devices on the running system (root only).</summary>
[TestFixture]
[NonParallelizable]
public sealed class BlockDeviceSafetyLoopDeviceTests
{
    [Test]
    public void A_loop_device_is_refused_while_mounted_and_accepted_once_unmounted()
    {
        using var loop = LoopDevice.Create();
        loop.FormatExt4();

        var before = new BlockDeviceSafety().Ensure(loop.Device);
        var point = loop.Mount();
        var refused = Assert.Throws<BlockDeviceInUseException>(() => BlockDeviceSafety.EnsureSafe(loop.Device))!;
        loop.Unmount(point);
        var after = new BlockDeviceSafety().Ensure(loop.Device);

        Assert.Multiple(() =>
        {
            Assert.That(before.KernelName, Is.EqualTo(Path.GetFileName(loop.Device)));
            Assert.That(before.DeviceNumber, Does.StartWith("7:"));
            Assert.That(refused.Message, Does.Contain(point));
            Assert.That(refused.Uses.Single().Kind, Is.EqualTo(BlockDeviceUseKind.Mount));
            Assert.That(refused.Uses.Single().Relation, Is.EqualTo("itself"));
            Assert.That(after.IsInUse, Is.False);
        });
    }

    [Test]
    public void A_link_to_a_mounted_loop_device_is_followed_and_refused()
    {
        using var loop = LoopDevice.Create();
        loop.FormatExt4();
        var link = Path.Combine(loop.Folder, "by-id-link");
        File.CreateSymbolicLink(link, loop.Device);
        var point = loop.Mount();

        var refused = Assert.Throws<BlockDeviceInUseException>(() => BlockDeviceSafety.EnsureSafe(link))!;

        Assert.Multiple(() =>
        {
            Assert.That(refused.Usage!.ResolvedPath, Is.EqualTo(loop.Device));
            Assert.That(refused.Message, Does.Contain(link).And.Contain(loop.Device).And.Contain(point));
        });
    }

    [Test]
    public void A_loop_device_used_as_swap_is_refused()
    {
        using var loop = LoopDevice.Create();
        loop.SwapOn();

        var refused = Assert.Throws<BlockDeviceInUseException>(() => BlockDeviceSafety.EnsureSafe(loop.Device))!;
        loop.SwapOff();

        Assert.Multiple(() =>
        {
            Assert.That(refused.Uses.Single().Kind, Is.EqualTo(BlockDeviceUseKind.Swap));
            Assert.That(refused.Message, Does.Contain("swap (" + loop.Device + ")"));
            Assert.That(() => BlockDeviceSafety.EnsureSafe(loop.Device), Throws.Nothing);
        });
    }

    [Test]
    public void A_loop_device_whose_partition_is_mounted_is_refused()
    {
        using var loop = LoopDevice.Create(mbrPartitionType: "83");
        var partition = loop.Device + "p1";
        if (!File.Exists(partition))
        {
            Assert.Ignore($"this kernel created no {partition} (no partition support for loop devices)");
        }

        LoopDevice.Run("mkfs.ext4", "-q", "-F", partition);
        var point = loop.Mount(partition);

        var refused = Assert.Throws<BlockDeviceInUseException>(() => BlockDeviceSafety.EnsureSafe(loop.Device))!;

        Assert.That(refused.Uses.Single().ToString(), Is.EqualTo($"{Path.GetFileName(partition)} (partition) is mounted on {point}"));
    }
}
