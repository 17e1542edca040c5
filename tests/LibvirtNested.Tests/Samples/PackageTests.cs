using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Tests.Samples;

/// <summary>
/// Packs LibvirtNested.Xml, LibvirtNested and LibvirtNested.Hosting, checks what the packages hold, and runs
/// tests/PackageTest/Consumer — a fresh project outside the solution that restores them from a folder feed — on
/// test:///default.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PackageTests
{
    private static readonly string[] Ids = ["LibvirtNested.Xml", "LibvirtNested", "LibvirtNested.Hosting"];
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

        // Packing LibvirtNested.Hosting builds LibvirtNested and LibvirtNested.Xml too, so the other packs need no build.
        var pack = SampleProcess.Dotnet("pack", "src/LibvirtNested.Hosting/LibvirtNested.Hosting.csproj", "-c", "Release", "-o", packages, "-nologo", "-v", "q");
        Assert.That(pack.ExitCode, Is.Zero, pack.ToString);
        pack = SampleProcess.Dotnet("pack", "src/LibvirtNested/LibvirtNested.csproj", "-c", "Release", "--no-build", "-o", packages, "-nologo", "-v", "q");
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
    public void Native_package_names_libvirt0_and_is_linux_only()
    {
        using var package = ZipFile.OpenRead(Path.Combine(packages, $"LibvirtNested.{version}.nupkg"));
        var nuspec = XDocument.Load(package.GetEntry("LibvirtNested.nuspec")!.Open());
        var description = nuspec.Descendants().Single(e => e.Name.LocalName == "description").Value;
        Assert.That(description, Does.Contain("libvirt0").And.Contain("libvirt.so.0").And.Contain("Linux"));

        using var peReader = new PEReader(new MemoryStream(ReadEntry(package, "lib/net10.0/LibvirtNested.dll")));
        var metadata = peReader.GetMetadataReader();
        var platforms = metadata.GetAssemblyDefinition().GetCustomAttributes()
            .Select(metadata.GetCustomAttribute)
            .Where(a => AttributeTypeName(metadata, a) == "SupportedOSPlatformAttribute")
            .Select(a => Encoding.UTF8.GetString(metadata.GetBlobBytes(a.Value)))
            .ToList();
        Assert.That(platforms, Has.Count.EqualTo(1).And.Some.Contain("linux"), "[assembly: SupportedOSPlatform(\"linux\")]");
    }

    [TestCaseSource(nameof(Ids))]
    public void Symbols_name_no_build_path_and_embed_every_source(string id)
    {
        using var symbols = ZipFile.OpenRead(Path.Combine(packages, $"{id}.{version}.snupkg"));
        using var package = ZipFile.OpenRead(Path.Combine(packages, $"{id}.{version}.nupkg"));
        var pdb = ReadEntry(symbols, $"lib/net10.0/{id}.pdb");
        var dll = ReadEntry(package, $"lib/net10.0/{id}.dll");
        var buildPaths = new[] { RepositoryPaths.Root.TrimEnd('/') + "/", "/work/", Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/" }
            .Where(p => p.Length > 1).Distinct().ToList();

        foreach (var path in buildPaths)
        {
            Assert.That(Contains(pdb, path), Is.False, $"{id}.pdb names the build path {path}");
            Assert.That(Contains(dll, path), Is.False, $"{id}.dll names the build path {path}");
        }

        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        var documents = reader.Documents.Select(handle => (Handle: handle, Name: reader.GetString(reader.GetDocument(handle).Name))).ToList();
        var sources = documents.Where(d => d.Name.EndsWith(".cs", StringComparison.Ordinal) && !d.Name.Contains("/obj/", StringComparison.Ordinal)).ToList();
        Assert.That(sources, Has.Count.GreaterThan(id == "LibvirtNested.Hosting" ? 4 : 10), $"{id}.pdb lists its source files");
        Assert.That(documents.Select(d => d.Name), Has.All.StartWith("/_/"), "deterministic source paths");
        var embedded = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == EmbeddedSource && info.Parent.Kind == HandleKind.Document)
            .Select(info => (DocumentHandle)info.Parent)
            .ToHashSet();
        Assert.That(documents.Where(d => !embedded.Contains(d.Handle)).Select(d => d.Name), Is.Empty, "every document's source is embedded");
        var ownFiles = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", id), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(f => "/_/" + Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'));
        Assert.That(documents.Select(d => d.Name), Is.SupersetOf(ownFiles), "every source file of the project is in the PDB");
    }

    [TestCase("LibvirtNested", "LibvirtNested.Xml")]
    [TestCase("LibvirtNested.Hosting", "LibvirtNested")]
    public void Packages_version_together(string id, string dependsOn)
    {
        var dependencies = Dependencies(Path.Combine(packages, $"{id}.{version}.nupkg"));

        Assert.That(dependencies.Single(d => d.Id == dependsOn).Version, Is.EqualTo(version));
    }

    [Test]
    public void The_core_package_depends_on_nothing_heavier_than_logging_abstractions_and_hosting_brings_the_rest()
    {
        // ARCHITECTURE.md: a user of the native client alone never pulls DI, options or health checks; Polly.Core (the host
        // pool's retry and backoff, issue 10) is the one dependency it allows beside logging abstractions.
        var core = Dependencies(Path.Combine(packages, $"LibvirtNested.{version}.nupkg")).Select(d => d.Id);
        var hosting = Dependencies(Path.Combine(packages, $"LibvirtNested.Hosting.{version}.nupkg")).Select(d => d.Id);

        Assert.That(core, Is.EquivalentTo(new[] { "LibvirtNested.Xml", "Microsoft.Extensions.Logging.Abstractions", "Polly.Core" }));
        Assert.That(Dependencies(Path.Combine(packages, $"LibvirtNested.{version}.nupkg")).Single(d => d.Id == "Polly.Core").Version, Does.StartWith("8.9.1"));
        Assert.That(hosting, Does.Contain("Microsoft.Extensions.DependencyInjection.Abstractions").And.Contain("Microsoft.Extensions.Diagnostics.HealthChecks"));
        Assert.That(Dependencies(Path.Combine(packages, $"LibvirtNested.{version}.nupkg")).Where(d => d.Id.StartsWith("Microsoft.", StringComparison.Ordinal)),
            Has.All.Matches<(string Id, string Version)>(d => d.Version.StartsWith("10.0.", StringComparison.Ordinal)), "the 10.0 line: no forced upgrade on .NET 10");
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

            // The feed stays the only source: the packages ours depend on (Microsoft.Extensions.*), and those the consumer
            // itself references, are copied into it from the machine's package folder, which restoring this repository filled.
            CopyDependencyClosure(feed, Path.Combine(consumer, "Consumer.csproj"));

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

    private static List<(string Id, string Version)> Dependencies(string nupkg)
    {
        using var package = ZipFile.OpenRead(nupkg);
        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains('/', StringComparison.Ordinal)).Open());

        // The dependency group for net10.0 when the package has groups per framework, else the flat list.
        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group").ToList();
        var group = groups.FirstOrDefault(g => g.Attribute("targetFramework")?.Value is "net10.0" or ".NETCoreApp10.0")
            ?? groups.Where(g => g.Attribute("targetFramework")?.Value.StartsWith(".NETStandard2", StringComparison.Ordinal) == true).LastOrDefault();
        var scope = group ?? (XElement?)nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == "dependencies");
        return scope is null
            ? []
            : scope.Elements().Where(e => e.Name.LocalName == "dependency")
                .Select(e => (e.Attribute("id")!.Value, e.Attribute("version")!.Value.Trim('[', ']', '(', ')').Split(',')[0].Trim()))
                .ToList();
    }

    private static void CopyDependencyClosure(string feed, string consumerProject)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var pending = new Queue<(string Id, string Version)>(Directory.GetFiles(feed, "*.nupkg").SelectMany(Dependencies));
        foreach (var reference in XDocument.Load(consumerProject).Descendants("PackageReference").Where(r => r.Attribute("Version")?.Value.Contains('$', StringComparison.Ordinal) == false))
        {
            pending.Enqueue((reference.Attribute("Include")!.Value, reference.Attribute("Version")!.Value));
        }

        var seen = new HashSet<string>(Ids, StringComparer.OrdinalIgnoreCase);
        while (pending.TryDequeue(out var dependency))
        {
            if (!seen.Add(dependency.Id))
            {
                continue;
            }

            var id = dependency.Id.ToLowerInvariant();
            var source = Path.Combine(cache, id, dependency.Version, $"{id}.{dependency.Version}.nupkg");
            Assert.That(File.Exists(source), Is.True, $"{dependency.Id} {dependency.Version} is in {cache} (restore the solution first)");
            var copy = Path.Combine(feed, Path.GetFileName(source));
            File.Copy(source, copy);
            foreach (var next in Dependencies(copy))
            {
                pending.Enqueue(next);
            }
        }
    }

    // System.Reflection.Metadata's PortableCustomDebugInfoKinds.EmbeddedSource (not public).
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private static byte[] ReadEntry(ZipArchive archive, string name)
    {
        var entry = archive.GetEntry(name) ?? throw new AssertionException($"{name} is not in the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    private static string AttributeTypeName(MetadataReader metadata, CustomAttribute attribute) =>
        attribute.Constructor.Kind == HandleKind.MemberReference
            && metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
            ? metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name)
            : string.Empty;

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
