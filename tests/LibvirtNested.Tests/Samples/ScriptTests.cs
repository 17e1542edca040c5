using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Tests.Samples;

/// <summary>
/// Each samples/scripts/*.cs file-based app, run once with <c>dotnet run FILE.cs</c> on test:///default (a fresh driver per
/// process, so the scripts work on its 'test' domain and 'default' network or create what they need).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ScriptTests
{
    // Release, like scripts/test.sh's build, so the scripts reuse the library it built.
    private static ChildProcess.Result Script(string file, params string[] arguments) =>
        SampleProcess.Dotnet(["run", "-c", "Release", $"samples/scripts/{file}", "--", .. arguments]);

    [Test]
    public void Make_nested_sets_host_passthrough_on_a_guest()
    {
        var result = Script("make-nested.cs", "test:///default", "test");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Contain("test: now host-passthrough.").And.Contain("+  <cpu mode='host-passthrough'/>"), result.ToString);
    }

    [Test]
    public void Pass_lun_adds_the_controller_and_the_lun()
    {
        var result = Script("pass-lun.cs", "test:///default", "test", "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Contain("attached as a LUN")
            .And.Contain("+    <disk type='block' device='lun'>")
            .And.Contain("+      <source dev='/dev/disk/by-id/wwn-0x5000c500a1b2c3d4'/>")
            .And.Contain("+    <controller type='scsi' index='0' model='virtio-scsi'/>"), result.ToString);
    }

    [Test]
    public void Nat_network_defines_and_starts_the_network()
    {
        var result = Script("nat-network.cs", "test:///default", "lab-net", "virbr9", "10.66.0.0/24", "10.66.0.100", "10.66.0.200");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Contain("Network 'lab-net' defined, started and set to autostart")
            .And.Contain("<bridge name='virbr9'").And.Contain("<range start='10.66.0.100' end='10.66.0.200'/>"), result.ToString);
    }

    [Test]
    public void List_guests_shows_the_running_guest_with_its_address()
    {
        var result = Script("list-guests.cs", "test:///default");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Match(@"test\s+Running\s+\d+\.\d+\.\d+\.\d+/\d+"), result.ToString);
    }
}
