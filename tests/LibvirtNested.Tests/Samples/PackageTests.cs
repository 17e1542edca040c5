using System.IO.Compression;
using System.Xml.Linq;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Tests.Samples;

/// <summary>
/// Packs LibvirtNested.Xml and LibvirtNested, checks what the packages hold, and runs tests/PackageTest/Consumer — a
/// fresh project outside the solution that restores them from a folder feed — on test:///default.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PackageTests
{
    private static readonly string[] Ids = ["LibvirtNested.Xml", "LibvirtNested"];
    private string packages = null!;
    private string version = null!;

    [OneTimeSetUp]
    public void Pack()
    {
        version = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("Version").Single().Value;
        packages = Path.Combine(RepositoryPaths.Root, "artifacts", "packages");
        foreach (var id in Ids)
        {
            foreach (var old in Directory.Exists(packages) ? Directory.GetFiles(packages, $"{id}.{version}.*nupkg") : [])
            {
                File.Delete(old);
            }
        }

        // Packing LibvirtNested builds LibvirtNested.Xml too, so the second pack needs no build.
        var pack = SampleProcess.Dotnet("pack", "src/LibvirtNested/LibvirtNested.csproj", "-c", "Release", "-o", packages, "-nologo", "-v", "q");
        Assert.That(pack.ExitCode, Is.Zero, pack.ToString);
        pack = SampleProcess.Dotnet("pack", "src/LibvirtNested.Xml/LibvirtNested.Xml.csproj", "-c", "Release", "--no-build", "-o", packages, "-nologo", "-v", "q");
        Assert.That(pack.ExitCode, Is.Zero, pack.ToString);
    }

    [TestCaseSource(nameof(Ids))]
    public void Package_carries_readme_licence_description_tags_repository_and_docs(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(packages, $"{id}.{version}.nupkg"));
        var nuspec = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        XElement Element(string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

        Assert.That(Value("version"), Is.EqualTo(version));
        Assert.That(Element("license").Attribute("type")?.Value, Is.EqualTo("expression"));
        Assert.That(Value("license"), Is.EqualTo("MIT"));
        Assert.That(Value("readme"), Is.EqualTo("README.md"));
        Assert.That(Value("description"), Does.Contain("libvirt"));
        Assert.That(Value("tags"), Does.Contain("libvirt").And.Contain("nested-virtualization"));
        Assert.That(Element("repository").Attribute("commit")?.Value, Does.Match("^[0-9a-f]{40}$"), "SourceLink fills in the commit");
        Assert.That(package.GetEntry("README.md"), Is.Not.Null);
        Assert.That(package.GetEntry($"lib/net10.0/{id}.dll"), Is.Not.Null);
        Assert.That(package.GetEntry($"lib/net10.0/{id}.xml"), Is.Not.Null, "XML docs");
        Assert.That(File.Exists(Path.Combine(packages, $"{id}.{version}.snupkg")), "symbol package");
    }

    [Test]
    public void Packages_version_together()
    {
        using var package = ZipFile.OpenRead(Path.Combine(packages, $"LibvirtNested.{version}.nupkg"));
        var nuspec = XDocument.Load(package.GetEntry("LibvirtNested.nuspec")!.Open());
        var dependency = nuspec.Descendants().Single(e => e.Name.LocalName == "dependency");

        Assert.That(dependency.Attribute("id")?.Value, Is.EqualTo("LibvirtNested.Xml"));
        Assert.That(dependency.Attribute("version")?.Value, Is.EqualTo(version));
    }

    [Test]
    public void A_fresh_project_restores_the_packages_from_a_folder_feed_and_runs_on_the_test_driver()
    {
        var temp = SampleProcess.NewTemporaryDirectory();
        try
        {
            var consumer = Path.Combine(temp, "Consumer");
            CopyDirectory(Path.Combine(RepositoryPaths.Root, "tests", "PackageTest", "Consumer"), consumer);
            var feed = Directory.CreateDirectory(Path.Combine(consumer, "packages")).FullName;
            foreach (var id in Ids)
            {
                File.Copy(Path.Combine(packages, $"{id}.{version}.nupkg"), Path.Combine(feed, $"{id}.{version}.nupkg"));
            }

            // A private package folder: a stale LibvirtNested of the same version in ~/.nuget/packages must not be used.
            var result = SampleProcess.Run("dotnet", ["run", "-c", "Release", $"-p:LibvirtNestedVersion={version}"], consumer,
                new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(temp, "nuget-packages") });

            Assert.That(result.ExitCode, Is.Zero, result.ToString);
            Assert.That(result.Output, Does.StartWith($"LibvirtNested {version}+").And.EndWith("PACKAGE OK\n"), result.ToString);
            Assert.That(Directory.Exists(Path.Combine(temp, "nuget-packages", "libvirtnested.xml", version)), "restored from the feed into the private folder");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
