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

    private static SampleProcess.Result Lab(string dll, params string[] arguments) => SampleProcess.Dotnet([dll, .. arguments]);

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
            .And.Contain("== Step 3").And.Contain("+  <cpu mode='host-passthrough'/>").And.Contain("+      <source dev='/dev/sdb'/>")
            .And.Contain("+    <controller type='scsi' index='0' model='virtio-scsi'/>")
            .And.Contain("== Step 4").And.Contain("+  <memory unit='MiB'>16000</memory>").And.Contain("+      <source network='nested-bridge'/>")
            .And.Contain("Started 'nested-L2'.")
            .And.Contain("== Step 5").And.Contain("waiting for an address").And.Match(@"testnet\d+ [0-9a-f:]{17}: \d+\.\d+\.\d+\.\d+/\d+"), result.ToString);
        Assert.That(result.Output, Does.Contain("not written; pass --write-modprobe").Or.Contain("no modprobe.d remedy").Or.Contain("is a guest: a local modprobe.d file cannot"));
        if (result.Output.Contains("Role: guest", StringComparison.Ordinal))
        {
            // On a guest (this build machine is one) the walkthrough must not offer a local remedy that cannot help.
            Assert.That(result.Output, Does.Not.Contain("modprobe remedy (").And.Not.Contain("KvmModprobeConfig.WriteRemedy does this"));
        }
        Assert.That(result.Error, Is.Empty);
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
    public void An_error_ends_with_a_one_paragraph_message_and_exit_code_1()
    {
        var result = Lab(dll, "--lun", "sdb");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
        Assert.That(result.Output, Does.Contain("== Step 3"), "steps 1 and 2 ran before the error");
        Assert.That(result.Error.Trim(), Does.StartWith("NestedLab failed: ").And.Contain("'sdb'").And.Not.Contain("\n"), result.ToString);
        Assert.That(result.Error, Does.Not.Contain(" at "));
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
