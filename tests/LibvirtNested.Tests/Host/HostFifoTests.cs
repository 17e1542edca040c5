using System.Diagnostics;
using System.Text;
using LibvirtNested.Host;
using LibvirtNested.Xml;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

/// <summary>Defect 9: every file a host check reads, made a FIFO in a fixture tree, must give a prompt finding, never a read that
/// waits forever for a writer; <c>/dev/kvm</c> must be KVM's character device, not anything with that name.</summary>
[TestFixture]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostFifoTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);

    /// <summary>Every file the probe reads in the <c>intel-nested-shadow-on</c> tree.</summary>
    private static readonly string[] ProbedFiles =
    [
        "proc/cpuinfo",
        "sys/module/kvm_intel/parameters/nested",
        "sys/module/kvm_intel/parameters/enable_shadow_vmcs",
        "sys/module/kvm_intel/parameters/ept",
        "sys/module/kvm_intel/parameters/vpid",
        "sys/module/kvm/parameters/ignore_msrs",
        "etc/modprobe.d/kvm-intel.conf",
        "dev/kvm",
    ];

    /// <summary>Every file the block-device check reads in the <c>busy</c> tree.</summary>
    private static readonly string[] BlockFiles =
    [
        "proc/self/mountinfo",
        "proc/swaps",
        "sys/class/block/sdb/dev",
        "sys/class/block/sdb1/dev",
        "sys/class/block/dm-0/dm/name",
    ];

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo " + path);
    }

    private static T Promptly<T>(Func<T> action, string what)
    {
        var task = Task.Run(action);
        Assert.That(task.Wait(Prompt), Is.True, $"{what} did not return within {Prompt.TotalSeconds} s: it is blocked on a FIFO");
        return task.Result;
    }

    [TestCaseSource(nameof(ProbedFiles))]
    public void The_probe_returns_promptly_with_a_finding_when_a_probed_file_is_a_fifo(string relative)
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-shadow-on"));
        MakeFifo(tree.Combine(relative));

        // The stand-in counts only a regular dev/kvm as the device, so every other file's FIFO is what the report is about.
        var report = Promptly(
            () => NestedVirtualizationProbe.RunWith(new LibvirtNested.Host.Internal.HostRoot(tree.Path), StandInKvmDevice.Instance),
            "NestedVirtualizationProbe.Run");
        var naming = report.Findings.Where(f => f.ToString().Contains("FIFO", StringComparison.Ordinal)).ToList();

        if (relative is "sys/module/kvm_intel/parameters/vpid" or "sys/module/kvm/parameters/ignore_msrs")
        {
            // Parameters no check uses: skipped, and the probe still returns.
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.Ready), report.ToString());
            return;
        }

        Assert.That(naming, Is.Not.Empty, "a finding names the FIFO:\n" + report);
        Assert.That(naming.Select(f => f.Verdict), Has.None.EqualTo(ReadinessVerdict.Ready), report.ToString());
    }

    [Test]
    public void KvmModprobeConfig_read_reports_a_fifo_as_a_problem_without_blocking()
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-shadow-on"));
        MakeFifo(tree.Combine("etc/modprobe.d/zz-fifo.conf"));

        var config = Promptly(() => KvmModprobeConfig.Read(tree.Path), "KvmModprobeConfig.Read");

        Assert.That(config.Problems.Select(p => p.ToString()), Has.One.Contains("/etc/modprobe.d/zz-fifo.conf").And.Contains("FIFO"));
        Assert.That(config.Options, Is.Not.Empty, "the other files are still read");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void WriteRemedy_and_PlanRemedy_refuse_a_fifo_without_blocking_or_replacing_it(bool write)
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-off"));
        var fifo = tree.Combine("etc/modprobe.d/kvm-intel.conf");
        MakeFifo(fifo);

        var outcome = Promptly<Exception?>(() =>
        {
            try
            {
                _ = write ? KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, tree.Path) : KvmModprobeConfig.PlanRemedy(HostCpuVendor.Intel, tree.Path);
                return null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        }, "WriteRemedy");

        Assert.That(outcome, Is.TypeOf<NotARegularFileException>());
        Assert.That(((NotARegularFileException)outcome!).Kind, Does.Contain("FIFO"));
        Assert.That(LibvirtNested.Host.Internal.UnixFileStatus.TryGetLink(fifo, out _)!.Kind, Is.EqualTo(LibvirtNested.Host.Internal.UnixFileKind.Fifo), "still a FIFO");
    }

    [TestCaseSource(nameof(BlockFiles))]
    public void Block_device_safety_returns_promptly_and_refuses_when_a_file_it_reads_is_a_fifo(string relative)
    {
        using var tree = HostFixtures.Copy(HostFixtures.BlockDevices("busy"));
        MakeFifo(tree.Combine(relative));
        var safety = new BlockDeviceSafety(tree.Path);

        var outcome = Promptly<Exception?>(() =>
        {
            try
            {
                safety.EnsureKernelDevice("sdc");
                return null;
            }
            catch (BlockDeviceSafetyException exception)
            {
                return exception;
            }
        }, "BlockDeviceSafety.EnsureKernelDevice");

        if (relative.StartsWith("proc/", StringComparison.Ordinal))
        {
            Assert.That(outcome, Is.Not.Null, "an unreadable mount table or swap list proves nothing: refuse");
            Assert.That(outcome!.Message, Does.Contain("FIFO"));
        }
    }

    [Test]
    public void Dev_kvm_as_a_regular_file_is_not_ready()
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-shadow-on"));

        var kvm = NestedVirtualizationProbe.Run(tree.Path).Find(ReadinessFindingIds.DevKvm)!;

        Assert.Multiple(() =>
        {
            Assert.That(kvm.Verdict, Is.EqualTo(ReadinessVerdict.NotReady), kvm.ToString());
            Assert.That(kvm.Message, Does.Contain("a regular file").And.Contain("10:232"));
            Assert.That(kvm.Remedy, Does.Contain("mknod /dev/kvm c 10 232"));
        });
    }

    [Test]
    public void Dev_kvm_as_a_link_to_dev_null_is_not_ready()
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-shadow-on"));
        File.Delete(tree.Combine("dev/kvm"));
        File.CreateSymbolicLink(tree.Combine("dev/kvm"), "/dev/null");

        var kvm = NestedVirtualizationProbe.Run(tree.Path).Find(ReadinessFindingIds.DevKvm)!;

        Assert.Multiple(() =>
        {
            Assert.That(kvm.Verdict, Is.EqualTo(ReadinessVerdict.NotReady), kvm.ToString());
            Assert.That(kvm.Message, Does.Contain("character device 1:3"));
            Assert.That(kvm.Evidence.Single().Value, Does.Contain("symbolic link to /dev/null"));
        });
    }

    [Test]
    public void Dev_kvm_as_a_real_character_device_10_232_passes_the_kind_check_even_through_a_link()
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-shadow-on"));
        File.Delete(tree.Combine("dev/kvm"));
        using var mknod = Process.Start(new ProcessStartInfo("mknod", [tree.Combine("dev/kvm-node"), "c", "10", "232"]) { UseShellExecute = false, RedirectStandardError = true })!;
        mknod.WaitForExit();
        Assume.That(mknod.ExitCode, Is.Zero, "creating a device node needs CAP_MKNOD: " + mknod.StandardError.ReadToEnd());
        File.CreateSymbolicLink(tree.Combine("dev/kvm"), "kvm-node");

        var kvm = Promptly(() => NestedVirtualizationProbe.Run(tree.Path), "probe").Find(ReadinessFindingIds.DevKvm)!;

        // Whether it opens depends on this kernel having KVM; the kind check must not be what fails.
        Assert.That(kvm.Message, Does.Not.Contain("not KVM's character device"), kvm.ToString());
        Assert.That(kvm.Evidence.Single().Value, Does.Contain("character device 10:232"));
    }

    [Test]
    public void WriteRemedy_writes_through_a_symbolic_link_and_keeps_the_link_and_permissions()
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-off"));
        var real = tree.Combine("etc/modprobe.d/real/kvm-intel.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
        File.WriteAllText(real, "# mine\noptions kvm-intel nested=0\n");
        File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = tree.Combine("etc/modprobe.d/kvm-intel.conf");
        File.CreateSymbolicLink(link, "/etc/modprobe.d/real/kvm-intel.conf");

        var result = KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, tree.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Written, Is.True);
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo("/etc/modprobe.d/real/kvm-intel.conf"), "the link stays a link");
            Assert.That(File.ReadAllText(real), Is.EqualTo("# mine\noptions kvm-intel nested=1\noptions kvm-intel enable_shadow_vmcs=1\n"));
            Assert.That(File.GetUnixFileMode(real), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(result.FullPath, Is.EqualTo(real));
        });
    }

    [Test]
    public void WriteRemedy_refuses_a_link_to_a_device_node_and_leaves_it()
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-off"));
        var link = tree.Combine("etc/modprobe.d/kvm-intel.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, "/dev/null");

        // Inside the root, the absolute target /dev/null means <root>/dev/null: make that a real device node (as root).
        using var mknod = Process.Start(new ProcessStartInfo("mknod", [tree.Combine("dev/null"), "c", "1", "3"]) { UseShellExecute = false, RedirectStandardError = true })!;
        mknod.WaitForExit();
        Assume.That(mknod.ExitCode, Is.Zero, "creating a device node needs CAP_MKNOD: " + mknod.StandardError.ReadToEnd());

        var exception = Assert.Throws<NotARegularFileException>(() => KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, tree.Path));

        Assert.That(exception!.Kind, Does.Contain("character device 1:3"));
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo("/dev/null"));
        Assert.That(LibvirtNested.Host.Internal.UnixFileStatus.TryGetLink(tree.Combine("dev/null"), out _)!.Kind,
            Is.EqualTo(LibvirtNested.Host.Internal.UnixFileKind.CharacterDevice), "the device node was not replaced");
    }

    [Test]
    public void WriteRemedy_refuses_a_device_node_at_the_path_itself()
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-off"));
        var path = tree.Combine("etc/modprobe.d/kvm-intel.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mknod = Process.Start(new ProcessStartInfo("mknod", [path, "c", "1", "3"]) { UseShellExecute = false, RedirectStandardError = true })!;
        mknod.WaitForExit();
        Assume.That(mknod.ExitCode, Is.Zero, "creating a device node needs CAP_MKNOD: " + mknod.StandardError.ReadToEnd());

        Assert.Throws<NotARegularFileException>(() => KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, tree.Path));
        Assert.That(LibvirtNested.Host.Internal.UnixFileStatus.TryGetLink(path, out _)!.Kind, Is.EqualTo(LibvirtNested.Host.Internal.UnixFileKind.CharacterDevice));
    }

    [Test]
    public void WriteRemedy_keeps_every_latin1_byte_it_does_not_change()
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-off"));
        var path = tree.Combine("etc/modprobe.d/kvm-intel.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var original = Encoding.Latin1.GetBytes("# r\u00e9glages de l'\u00e9quipe\noptions kvm-intel nested=0 # d\u00e9sactiv\u00e9\n");
        File.WriteAllBytes(path, original);

        var result = KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, tree.Path);
        var written = File.ReadAllBytes(path);

        var expected = Encoding.Latin1.GetBytes("# r\u00e9glages de l'\u00e9quipe\noptions kvm-intel nested=1 # d\u00e9sactiv\u00e9\noptions kvm-intel enable_shadow_vmcs=1\n");
        Assert.Multiple(() =>
        {
            Assert.That(result.Encoding, Is.EqualTo(FileTextEncoding.Latin1));
            Assert.That(written, Is.EqualTo(expected), "0xE9 bytes kept, no U+FFFD (EF BF BD)");
            Assert.That(written.Count(b => b == 0xE9), Is.EqualTo(4));
            Assert.That(result.Before, Does.Contain("r\u00e9glages"));
        });
    }

    [Test]
    public void WriteRemedy_keeps_a_utf8_byte_order_mark()
    {
        using var tree = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-off"));
        var path = tree.Combine("etc/modprobe.d/kvm-intel.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# é\noptions kvm-intel nested=1 enable_shadow_vmcs=0\n")]);

        var result = KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, tree.Path);

        Assert.That(result.Encoding, Is.EqualTo(FileTextEncoding.Utf8WithByteOrderMark));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("# é\noptions kvm-intel nested=1 enable_shadow_vmcs=1\n"))));
    }
}
