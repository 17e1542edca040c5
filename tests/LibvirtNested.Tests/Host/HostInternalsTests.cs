using LibvirtNested.Host.Internal;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

/// <summary>The small readers under Host/Internal: kernel values, mountinfo and swaps lines, statx.</summary>
[TestFixture]
public sealed class HostInternalsTests
{
    [TestCase("Y", true)]
    [TestCase("y\n", true)]
    [TestCase("1", true)]
    [TestCase("2", true)]
    [TestCase("on", true)]
    [TestCase("N", false)]
    [TestCase("0", false)]
    [TestCase(" off ", false)]
    public void Kernel_booleans(string raw, bool expected)
    {
        Assert.That(KernelValue.ParseBoolean(raw, out var problem), Is.EqualTo(expected));
        Assert.That(problem, Is.Null);
    }

    [TestCase("", "empty value")]
    [TestCase("  \n", "empty value")]
    [TestCase("maybe", "unrecognised value 'maybe'")]
    [TestCase(null, "missing")]
    public void Kernel_boolean_garbage_is_a_problem_not_an_exception(string? raw, string expectedProblem)
    {
        Assert.That(KernelValue.ParseBoolean(raw, out var problem), Is.Null);
        Assert.That(problem, Is.EqualTo(expectedProblem));
    }

    [Test]
    public void Mountinfo_lines_with_optional_fields_and_escapes()
    {
        var entries = MountTable.ParseMountInfo(
            "36 35 98:0 /mnt1 /mnt/a\\040b rw,noatime master:1 shared:2 - ext3 /dev/root rw,errors=continue\n"
            + "garbage line\n"
            + "37 35 0:5 / /x\\011y\\134z rw - tmpfs tmpfs rw\n");

        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => (e.DeviceNumber, e.MountPoint, e.FileSystemType, e.Source)), Is.EqualTo(new[]
            {
                ("98:0", "/mnt/a b", "ext3", "/dev/root"),
                ("0:5", "/x\ty\\z", "tmpfs", "tmpfs"),
            }));
        });
    }

    [Test]
    public void Swaps_skip_the_header()
    {
        var entries = MountTable.ParseSwaps("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/dev/loop0                              partition\t32764\t\t0\t\t-2\n");

        Assert.That(entries.Select(e => (e.FileName, e.Type)), Is.EqualTo(new[] { ("/dev/loop0", "partition") }));
    }

    [Test]
    public void Statx_tells_kinds_and_device_numbers()
    {
        var devNull = UnixFileStatus.TryGet("/dev/null", out _);
        var folder = UnixFileStatus.TryGet("/", out _);
        var missing = UnixFileStatus.TryGet("/no/such/path", out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(devNull?.Kind, Is.EqualTo(UnixFileKind.CharacterDevice));
            Assert.That(devNull?.DeviceNumber, Is.EqualTo("1:3"));
            Assert.That(devNull?.ModeString, Is.EqualTo("crw-rw-rw-"));
            Assert.That(folder?.Kind, Is.EqualTo(UnixFileKind.Directory));
            Assert.That(missing, Is.Null);
            Assert.That(problem, Is.EqualTo("missing"));
        });
    }
}
