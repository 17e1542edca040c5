using System.Text.Json;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.AotTests;

/// <summary>
/// virt-nest as a NativeAOT binary (scripts/publish-virt-nest.sh: zero trim/AOT warnings), running the walkthrough's steps
/// against test:///default and files. Each invocation is its own process, and test:///default starts afresh in every
/// process, so each step stands on its own: what it prints and its exit code are what is checked.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class VirtNestNativeTests
{
    private const string Uri = "test:///default";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    private string work = "";
    private string binary = "";
    private string publishOutput = "";

    [OneTimeSetUp]
    public void Publish()
    {
        work = Directory.CreateTempSubdirectory("virt-nest-native-").FullName;
        var publish = ProcessRun.Start("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "publish-virt-nest.sh"), Path.Combine(work, "bin")],
            RepositoryPaths.Root, TimeSpan.FromMinutes(40));
        publishOutput = publish.Output;
        TestContext.Out.WriteLine(publish.Output);
        Assert.That(publish.ExitCode, Is.Zero, "the NativeAOT publish of virt-nest failed or warned:\n" + publish.Output);
        binary = Path.Combine(work, "bin", "virt-nest");
    }

    [OneTimeTearDown]
    public void DeleteWorkDirectory()
    {
        if (work.Length > 0)
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test]
    public void The_publish_is_one_native_executable_without_managed_assemblies_beside_it()
    {
        Assert.That(publishOutput, Does.Match(@"publish-virt-nest: native binary .*virt-nest, \d+ bytes"));
        var beside = Directory.GetFiles(Path.GetDirectoryName(binary)!).Select(Path.GetFileName);
        Assert.That(beside, Has.None.EndsWith(".dll"), "a NativeAOT binary carries its code; no assembly is loaded at run time");
        Assert.That(File.ReadAllBytes(binary).Take(4), Is.EqualTo("\u007fELF"u8.ToArray()));
    }

    [Test]
    public void Version_prints_the_repository_version()
    {
        var run = VirtNest("--version");

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output.Trim(), Does.StartWith("1."));
    }

    [Test]
    public void Network_create_defines_and_starts_the_nat_network()
    {
        var run = VirtNest("-c", Uri, "network", "create", "nested-bridge", "--bridge", "virbr1", "--subnet", "192.168.166.0/24",
            "--dhcp-range", "192.168.166.128-192.168.166.254");
        var xml = VirtNest("-c", Uri, "network", "create", "lab", "--subnet", "10.77.0.0/24", "--dhcp-host", "52:54:00:00:00:02,10.77.0.2,l2", "--print-xml");

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(xml.ExitCode, Is.Zero, xml.Output);
        Assert.That(xml.Output, Does.Contain("<forward mode='nat'").Or.Contain("<forward mode=\"nat\""));
        Assert.That(xml.Output, Does.Contain("52:54:00:00:00:02"));
    }

    [Test]
    public void Edit_makes_a_domain_file_a_nesting_guest_in_place_and_a_second_run_changes_nothing()
    {
        var file = Path.Combine(work, "l1.xml");
        File.WriteAllText(file, """
            <domain type='kvm'>
              <!-- hand-made -->
              <name>nested-L1</name>
              <memory unit='GiB'>4</memory>
              <os><type arch='x86_64' machine='q35'>hvm</type></os>
              <devices/>
            </domain>
            """);

        var first = VirtNest("edit", file, "--host-passthrough", "--virtio-scsi", "--network", "nested-bridge", "--lun", "/dev/sdb", "--device-check", "skip");
        var after = File.ReadAllText(file);
        var second = VirtNest("edit", file, "--host-passthrough", "--virtio-scsi", "--network", "nested-bridge", "--lun", "/dev/sdb", "--device-check", "skip", "--json", "-q");

        Assert.That(first.ExitCode, Is.Zero, first.Output);
        Assert.That(after, Does.Contain("<cpu mode='host-passthrough'/>").And.Contain("virtio-scsi").And.Contain("nested-bridge").And.Contain("<!-- hand-made -->"));
        Assert.That(second.ExitCode, Is.Zero, second.Output);
        using var json = JsonDocument.Parse(JsonPart(second.Output));
        Assert.That(json.RootElement.GetProperty("changed").GetBoolean(), Is.False, second.Output);
        Assert.That(File.ReadAllText(file), Is.EqualTo(after));
    }

    [Test]
    public void Edit_on_the_connection_prints_the_diff_like_virt_xml()
    {
        var run = VirtNest("-c", Uri, "edit", "test", "--host-passthrough", "--print-diff");

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain("+  <cpu mode='host-passthrough'"));
    }

    [Test]
    public void Create_defines_and_starts_L2_and_prints_its_xml_when_asked()
    {
        var run = VirtNest("-c", Uri, "create", "nested-L2", "--memory", "512", "--vcpus", "2", "--cdrom", "/var/lib/libvirt/images/netinst.iso",
            "--disk", "/var/lib/libvirt/images/l2.qcow2", "--network", "default");
        var xml = VirtNest("-c", Uri, "create", "nested-L2", "--memory", "4G", "--disk", "/dev/sda2", "--network", "nested-bridge", "--host-passthrough", "--print-xml");

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(xml.ExitCode, Is.Zero, xml.Output);
        Assert.That(xml.Output, Does.Contain("<name>nested-L2</name>").And.Contain("host-passthrough").And.Contain("/dev/sda2"));
    }

    [Test]
    public void Addr_waits_for_the_test_guests_address()
    {
        var run = VirtNest("-q", "-c", Uri, "addr", "test", "--wait", "60s", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        using var json = JsonDocument.Parse(JsonPart(run.Output));
        Assert.That(json.RootElement.ToString(), Does.Match(@"\d+\.\d+\.\d+\.\d+"));
    }

    [Test]
    public void Addr_of_a_missing_domain_exits_with_the_not_found_code_and_one_paragraph()
    {
        var run = VirtNest("-c", Uri, "addr", "no-such-guest", "--wait", "5s");

        Assert.That(run.ExitCode, Is.EqualTo(5), run.Output);
        Assert.That(run.Output, Does.Contain("virt-nest: error:").And.Not.Contain("   at "));
    }

    [Test]
    public void Vmexit_compare_prints_the_table_and_json()
    {
        var before = Path.Combine(RepositoryPaths.Root, "samples", "NestedLab", "Resources", "perf-kvm-stat-before.txt");
        var after = Path.Combine(RepositoryPaths.Root, "samples", "NestedLab", "Resources", "perf-kvm-stat-after.txt");

        var table = VirtNest("vmexit", "compare", before, after);
        var json = VirtNest("vmexit", "compare", before, after, "--json");

        Assert.That(table.ExitCode, Is.Zero, table.Output);
        Assert.That(table.Output, Does.Contain("VMREAD").And.Contain("VMWRITE"));
        Assert.That(json.ExitCode, Is.Zero, json.Output);
        using var document = JsonDocument.Parse(JsonPart(json.Output));
        var vmread = document.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "VMREAD");
        Assert.That(vmread.ToString(), Does.Contain("1843212").And.Contain("15421"));
    }

    [Test]
    public void Check_reports_a_tree_with_nested_off_as_not_ready_and_fix_dry_run_shows_the_remedy()
    {
        var root = Path.Combine(work, "host-root");
        Write(root, "proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vme msr pae vmx ept vpid\n\n");
        Write(root, "sys/module/kvm_intel/parameters/nested", "N\n");
        Write(root, "sys/module/kvm_intel/parameters/ept", "Y\n");
        Directory.CreateDirectory(Path.Combine(root, "etc/modprobe.d"));

        var report = VirtNest("check", "--root", root, "--json");
        var fix = VirtNest("check", "--root", root, "--fix", "--dry-run");

        Assert.That(report.ExitCode, Is.EqualTo(3), report.Output);
        using var json = JsonDocument.Parse(JsonPart(report.Output));
        Assert.That(json.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("not-ready"));
        Assert.That(fix.Output, Does.Contain("options kvm-intel nested=1"), fix.Output);
        Assert.That(File.Exists(Path.Combine(root, "etc/modprobe.d/kvm-intel.conf")), Is.False, "--dry-run writes nothing");
    }

    [Test]
    public void Check_of_this_machine_answers_with_a_verdict_exit_code()
    {
        var run = VirtNest("check");

        Assert.That(run.ExitCode, Is.AnyOf(0, 3, 4), run.Output);
        Assert.That(run.Output, Does.Contain("kvm").IgnoreCase);
    }

    private ProcessRun VirtNest(params string[] arguments) => ProcessRun.Start(binary, arguments, work, StepTimeout);

    /// <summary>The JSON document in an output that may also hold progress lines from stderr.</summary>
    private static string JsonPart(string output)
    {
        var start = output.IndexOfAny(['{', '[']);
        var end = Math.Max(output.LastIndexOf('}'), output.LastIndexOf(']'));
        return start >= 0 && end > start ? output[start..(end + 1)] : output;
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
