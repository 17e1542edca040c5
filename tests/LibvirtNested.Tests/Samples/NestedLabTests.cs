using System.Xml.Linq;
using LibvirtNested.Testing;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Tests.Samples;

/// <summary>samples/NestedLab (the walkthrough as one command) and scripts/walkthrough.sh, run as a user runs them.</summary>
[TestFixture]
[NonParallelizable]
public sealed class NestedLabTests
{
    private string dll = null!;
    private string temp = null!;

    [OneTimeSetUp]
    public void BuildOnce()
    {
        dll = SampleProcess.Build("samples/NestedLab");
        temp = SampleProcess.NewTemporaryDirectory();
    }

    [OneTimeTearDown]
    public void RemoveTemporaryFiles() => Directory.Delete(temp, recursive: true);

    private static ChildProcess.Result Lab(string dll, params string[] arguments) => SampleProcess.Dotnet([dll, .. arguments]);

    [Test]
    public void Walkthrough_on_the_test_driver_runs_every_step_and_prints_the_diffs()
    {
        var result = Lab(dll);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Contain("== Step 1: nested-virtualization readiness")
            .And.Contain("Nested virtualization readiness: ")
            .And.Contain("== Step 2").And.Contain("+  <bridge name='virbr1' stp='on' delay='0'/>")
            .And.Contain("+      <range start='192.168.166.128' end='192.168.166.254'/>")
            .And.Contain("Started network 'nested-bridge'.")
            .And.Contain("== Step 3").And.Contain("defined one as virt-install leaves it")
            .And.Contain("Edited 'nested-L1' (atomically, like virsh edit):")
            .And.Contain("-  <cpu mode='host-model' check='partial'/>").And.Contain("+  <cpu mode='host-passthrough'")
            .And.Contain("+      <source dev='/dev/sdb'/>")
            .And.Contain("+    <controller type='scsi' index='0' model='virtio-scsi'/>")
            .And.Contain("== Step 4").And.Contain("+  <memory unit='MiB'>16000</memory>").And.Contain("+      <source network='nested-bridge'/>")
            .And.Contain("Started 'nested-L2'.")
            .And.Contain("== Step 5").And.Contain("waiting for an address").And.Match(@"testnet\d+ [0-9a-f:]{17}: \d+\.\d+\.\d+\.\d+/\d+")
            .And.Contain("== Step 6: VM exits before and after").And.Contain("sample reports shipped with NestedLab")
            .And.Match(@"VMREAD\s+1843212\s+15421\s+-1827791\s+-99\.2%")
            .And.Contain("VMREAD + VMWRITE exits eliminated: 3108015 of 3133669 (99.2%).").And.EndWith("Done.\n"), result.ToString);
        Assert.That(result.Output.IndexOf("-  <cpu mode='host-model'", StringComparison.Ordinal),
            Is.GreaterThan(result.Output.IndexOf("Edited 'nested-L1'", StringComparison.Ordinal)), "the diff is the edit's, of the defined guest");
        Assert.That(result.Output, Does.Contain("not written; pass --write-modprobe").Or.Contain("no modprobe.d remedy").Or.Contain("there is no modprobe.d change to make here"));
        if (result.Output.Contains("Role: guest", StringComparison.Ordinal))
        {
            // On a guest (this build machine is one) the walkthrough must not offer a local remedy that cannot help.
            Assert.That(result.Output, Does.Not.Contain("modprobe remedy (").And.Not.Contain("KvmModprobeConfig.WriteRemedy does this"));
        }
        Assert.That(result.Error, Is.Empty);
    }

    private string AFile()
    {
        var path = Path.Combine(temp, "a-file");
        File.WriteAllText(path, string.Empty);
        return path;
    }

    private static string Readiness(string fixture) =>
        Path.Combine(RepositoryPaths.Root, "tests", "LibvirtNested.Tests", "Host", "Fixtures", "Readiness", fixture);

    [Test]
    public void On_a_guest_no_local_modprobe_remedy_is_offered_or_written()
    {
        var result = Lab(dll, "--host-root", Readiness("l1-guest-with-vmx"), "--wait", "1");
        var refused = Lab(dll, "--host-root", Readiness("l1-guest-with-vmx"), "--write-modprobe");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var step1 = result.Output[..result.Output.IndexOf("== Step 2", StringComparison.Ordinal)];
        Assert.That(step1, Does.Contain("Role: guest").And.Contain("there is no modprobe.d change to make here")
            .And.Not.Contain("modprobe remedy").And.Not.Contain("+options kvm"), result.ToString);
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.ToString);
        Assert.That(refused.Error, Does.Contain("--write-modprobe: this machine is a guest").And.Contain("nothing was changed"), refused.ToString);
        Assert.That(refused.Output, Does.Not.Contain("== Step"), refused.ToString);
    }

    [Test]
    public void On_an_L0_host_the_modprobe_remedy_is_planned_with_its_diff()
    {
        var result = Lab(dll, "--host-root", Readiness("intel-nested-off"), "--wait", "1");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var step1 = result.Output[..result.Output.IndexOf("== Step 2", StringComparison.Ordinal)];
        Assert.That(step1, Does.Contain("modprobe remedy (not written; pass --write-modprobe to write it)")
            .And.Contain("+options kvm-intel nested=1").And.Not.Contain("there is no modprobe.d change"), result.ToString);
    }

    [Test]
    public void Dry_run_changes_nothing_and_writes_the_documents_it_would_define()
    {
        var outDir = Path.Combine(temp, "dry");

        var result = Lab(dll, "--dry-run", "--out", outDir, "--l2", "lab-l2", "--memory", "2G", "--vcpus", "2",
            "--iso", "/srv/iso/alpine.iso", "--disk", "/var/lib/libvirt/images/lab-l2.qcow2", "--network", "lab-net", "--lun", "/dev/sdc");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Contain("Would define 'lab-l2'").And.Contain("Dry run finished: nothing was changed.")
            .And.Not.Contain("Started"), result.ToString);
        var network = NetworkXml.Load(Path.Combine(outDir, "network.xml"));
        Assert.That(network.Name, Is.EqualTo("lab-net"));
        Assert.That(network.Bridge?.Name, Is.EqualTo("virbr1"));
        var l1 = DomainXml.Load(Path.Combine(outDir, "l1.xml"));
        Assert.That(l1.Cpu?.Mode, Is.EqualTo(DomainCpuMode.HostPassthrough));
        Assert.That(l1.Devices.Disks.Any(d => d.Device == DomainDiskDevice.Lun && d.Source?.Dev == "/dev/sdc"), l1.ToXmlString());
        var l2 = DomainXml.Load(Path.Combine(outDir, "l2.xml"));
        Assert.That(l2.Name, Is.EqualTo("lab-l2"));
        Assert.That(l2.MemoryBytes, Is.EqualTo(2UL << 30));
        Assert.That(l2.Vcpu?.Count, Is.EqualTo(2));
        Assert.That(l2.Devices.Disks.Select(d => d.BootOrder), Is.EqualTo(new int?[] { 1, 2 }), "the ISO boots first");
        Assert.That(l2.Devices.Disks.Select(d => d.Source?.File), Is.EqualTo(new[] { "/srv/iso/alpine.iso", "/var/lib/libvirt/images/lab-l2.qcow2" }));
        Assert.That(l2.Devices.Interfaces.Single().Source?.Network, Is.EqualTo("lab-net"));
        Assert.That(RelaxNg.Validate("domain", l2.ToXmlString()), Is.Null);
    }

    [Test]
    public void A_second_run_over_the_first_runs_state_reuses_everything_and_changes_nothing()
    {
        var first = Path.Combine(temp, "first");
        var result = Lab(dll, "--out", first);
        Assert.That(result.ExitCode, Is.Zero, result.ToString);

        // test:///default forgets everything when the process ends; test:///FILE starts from the first run's result.
        var node = new XElement("node",
            XElement.Load(Path.Combine(first, "network.xml")),
            XElement.Load(Path.Combine(first, "l1.xml")),
            XElement.Load(Path.Combine(first, "l2.xml")));
        var state = Path.Combine(temp, "state.xml");
        node.Save(state);

        var second = Lab(dll, "--connect", "test://" + state);

        Assert.That(second.ExitCode, Is.Zero, second.ToString);
        Assert.That(second.Output, Does.Contain("Network 'nested-bridge' exists (bridge virbr1); reusing it.")
            .And.Contain("'nested-L1' already has all three; nothing to change.")
            .And.Contain("'nested-L2' exists and matches; nothing to change."), second.ToString);
        var libvirtSteps = second.Output[second.Output.IndexOf("== Step 2", StringComparison.Ordinal)..];
        Assert.That(libvirtSteps, Does.Not.Contain("\n+").And.Not.Contain("\n-"), "a rerun changes no libvirt document");
    }

    [Test]
    public void Every_bad_argument_is_reported_before_anything_changes_one_line_each()
    {
        var result = Lab(dll, "--lun", "sdb", "--iso", "isos/alpine.iso", "--disk", "/", "--l1", "a/b", "--l2", "L2\nx", "--network", "",
            "--connect", "not a uri", "--memory", "1000B", "--vcpus", "70000", "--perf-before", "/no/such/report.txt", "--out", AFile());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Output, Is.Empty, "nothing ran");
        var lines = result.Error.Split('\n').Where(l => l.StartsWith("NestedLab: ", StringComparison.Ordinal)).ToList();
        string[] expected =
        [
            "NestedLab: --connect 'not a uri' is not a libvirt URI",
            "NestedLab: --network needs a name",
            "NestedLab: --l1 'a/b' contains '/'",
            "NestedLab: --l2 'L2\\u000Ax' contains a control character",
            "NestedLab: --lun 'sdb' is not an absolute path: give the device's full path, such as /dev/sdb.",
            "NestedLab: --iso 'isos/alpine.iso' is not an absolute path",
            "NestedLab: --disk '/' names a directory",
            "NestedLab: --memory 1000 bytes: give at least 1 MiB",
            "NestedLab: --vcpus 70000: libvirt's schema allows at most 65535.",
            "NestedLab: --perf-before '/no/such/report.txt': no such file.",
            $"NestedLab: --out '{AFile()}' is a file, not a directory.",
        ];
        Assert.That(lines, Has.Count.EqualTo(expected.Length), result.ToString);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.That(lines[i], Does.StartWith(expected[i]), result.ToString);
        }

        Assert.That(result.Error, Does.Not.Contain("(Parameter '"), result.ToString);
    }

    [Test]
    public void A_value_only_the_connection_can_judge_fails_before_step_1()
    {
        var notAReport = Path.Combine(temp, "not-a-report.txt");
        File.WriteAllText(notAReport, "hello\n");

        var result = Lab(dll, "--perf-before", notAReport, "--write-modprobe", "--host-root", Readiness("l1-guest-with-vmx"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Output, Does.Not.Contain("== Step"), result.ToString);
        Assert.That(result.Error, Does.Contain($"NestedLab: --perf-before '{notAReport}' is not the output of 'perf kvm stat report --event=vmexit'")
            .And.Contain("NestedLab: --write-modprobe: this machine is a guest").And.EndWith("NestedLab: nothing was changed.\n"), result.ToString);
    }

    [Test]
    public void A_libvirt_error_ends_with_one_line_naming_its_code_once()
    {
        var result = Lab(dll, "--connect", "test:///no/such/state.xml");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
        // libxml2 itself may print an "I/O warning" line first; NestedLab's own message is the last line.
        var message = result.Error.Trim().Split('\n')[^1];
        Assert.That(message, Does.StartWith("NestedLab failed: ").And.Not.Contain(" at "), result.ToString);
        Assert.That(message.Split("VIR_ERR_XML_ERROR").Length - 1, Is.EqualTo(1), result.ToString);
    }

    [Test]
    public void Perf_reports_given_on_the_command_line_are_compared()
    {
        var fixtures = Path.Combine(RepositoryPaths.Root, "tests", "LibvirtNested.Tests", "Host", "Fixtures", "Perf");
        var result = Lab(dll, "--wait", "1", "--perf-before", Path.Combine(fixtures, "synthetic-intel-after-shadow-vmcs.txt"),
            "--perf-after", Path.Combine(fixtures, "synthetic-intel-before-shadow-vmcs.txt"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Not.Contain("sample reports shipped").And.Match(@"VMREAD\s+15421\s+1843212\s+\+1827791")
            .And.Contain("VMREAD + VMWRITE exits eliminated: -3108015 of 25654"), result.ToString);
    }

    [Test]
    public void Verbose_adds_the_stack_trace()
    {
        var result = Lab(dll, "--connect", "test:///no/such/state.xml", "--verbose");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
        Assert.That(result.Error, Does.Contain("LibvirtNested.").And.Contain(" at "), result.ToString);
    }

    [Test]
    public void Bad_arguments_exit_with_2_and_the_usage()
    {
        var result = Lab(dll, "--vcpus", "many");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Error, Does.Contain("--vcpus needs a positive whole number, not 'many'").And.Contain("usage: NestedLab"));
    }

    [Test]
    public void Walkthrough_script_works_twice_in_a_row()
    {
        for (var run = 1; run <= 2; run++)
        {
            var result = SampleProcess.Run("bash", ["scripts/walkthrough.sh", "--wait", "5"]);
            Assert.That(result.ExitCode, Is.Zero, $"run {run}: {result}");
            Assert.That(result.Output, Does.Contain("Started 'nested-L2'.").And.EndWith("Done.\n"), $"run {run}: {result}");
        }
    }
}
