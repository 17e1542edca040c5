using System.IO.Compression;
using System.Xml.Linq;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary>
/// The .NET tool: packed into a folder feed, installed with <c>dotnet tool install --tool-path</c> into a fresh
/// folder (with a private package folder, so no stale copy of the same version is used), then run.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PackageTests
{
    private TempDirectory temp = null!;
    private string feed = null!;
    private string toolPath = null!;

    [OneTimeSetUp]
    public void PackAndInstall()
    {
        temp = new TempDirectory();
        feed = Directory.CreateDirectory(temp.File("feed")).FullName;
        toolPath = temp.File("tools");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = temp.File("nuget-packages") };

        var pack = Cli.RunProcess("dotnet", ["pack", "src/VirtNest/VirtNest.csproj", "-c", "Release", "-o", feed, "-nologo", "-v", "q"], environment);
        Assert.That(pack.ExitCode, Is.Zero, pack.ToString);

        var install = Cli.RunProcess("dotnet", ["tool", "install", "--tool-path", toolPath, "--add-source", feed, "LibvirtNested.Cli",
            "--version", Versions.Repository], environment, workingDirectory: temp.Path);
        Assert.That(install.ExitCode, Is.Zero, install.ToString);
    }

    [OneTimeTearDown]
    public void Delete() => temp.Dispose();

    [Test]
    public void The_package_is_a_dotnet_tool_named_virt_nest_carrying_the_libraries()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"LibvirtNested.Cli.{Versions.Repository}.nupkg"));
        var nuspec = XDocument.Load(package.GetEntry("LibvirtNested.Cli.nuspec")!.Open());
        var types = nuspec.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => e.Attribute("name")?.Value);
        Assert.That(types, Does.Contain("DotnetTool"));
        var settings = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
        Assert.That(settings.Descendants("Command").Single().Attribute("Name")?.Value, Is.EqualTo("virt-nest"));
        var files = package.Entries.Select(e => Path.GetFileName(e.FullName)).ToList();
        Assert.That(files, Does.Contain("virt-nest.dll").And.Contain("LibvirtNested.dll").And.Contain("LibvirtNested.Xml.dll").And.Contain("System.CommandLine.dll"));
    }

    [Test]
    public void The_installed_tool_prints_its_version()
    {
        var result = Cli.RunProcess(Path.Combine(toolPath, "virt-nest"), ["--version"], workingDirectory: temp.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.StartWith(Versions.Repository + "+"));
    }

    [Test]
    public void The_installed_tool_edits_a_file()
    {
        var guest = temp.File("guest.xml");
        File.Copy(Fixtures.L1Xml, guest, overwrite: true);

        var result = Cli.RunProcess(Path.Combine(toolPath, "virt-nest"), ["edit", guest, "--host-passthrough", "--virtio-scsi"], workingDirectory: temp.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Is.EqualTo($"{guest}: edited and saved.\n"));
        Assert.That(File.ReadAllText(guest), Does.Contain("<cpu mode='host-passthrough' check='partial'/>").And.Contain("model='virtio-scsi'"));
        Assert.That(RepositoryPaths.Root, Is.Not.Empty);
    }
}
