using LibvirtNested.Testing;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Tests.Samples;

/// <summary>samples/EditForNesting: edits a domain XML file for nesting, saves it and prints the diff; a rerun changes nothing.</summary>
[TestFixture]
[NonParallelizable]
public sealed class EditForNestingTests
{
    [Test]
    public void Edits_the_file_prints_the_diff_and_is_idempotent()
    {
        var dll = SampleProcess.Build("samples/EditForNesting");
        var temp = SampleProcess.NewTemporaryDirectory();
        try
        {
            var path = Path.Combine(temp, "guest.xml");
            File.WriteAllText(path, TestDriver.DomainXmlText("edit-for-nesting"));

            var first = SampleProcess.Dotnet(dll, path, "--lun", "/dev/sdc", "--network", "lab-net");
            var second = SampleProcess.Dotnet(dll, path, "--lun", "/dev/sdc", "--network", "lab-net");

            Assert.That(first.ExitCode, Is.Zero, first.ToString);
            Assert.That(first.Output, Does.StartWith($"--- {path}\n+++ {path}\n@@ ")
                .And.Contain("+  <cpu mode='host-passthrough'/>").And.Contain("+      <source dev='/dev/sdc'/>")
                .And.Contain("+      <source network='lab-net'/>"), first.ToString);
            var saved = DomainXml.Load(path);
            Assert.That(saved.Cpu?.Mode, Is.EqualTo(DomainCpuMode.HostPassthrough));
            Assert.That(saved.Devices.Controllers.Count(c => c.Model == DomainControllerModel.VirtioScsi), Is.EqualTo(1));
            Assert.That(RelaxNg.Validate("domain", saved.ToXmlString()), Is.Null);
            Assert.That(second.ExitCode, Is.Zero, second.ToString);
            Assert.That(second.Output, Does.Contain("already set up for nesting; nothing changed."), second.ToString);
            Assert.That(Directory.GetFiles(temp), Is.EqualTo(new[] { path }), "the atomic save leaves no temporary file behind");

            var missing = SampleProcess.Dotnet(dll, Path.Combine(temp, "missing.xml"));
            Assert.That(missing.ExitCode, Is.EqualTo(1), missing.ToString);
            Assert.That(missing.Error, Does.StartWith("EditForNesting: "));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
