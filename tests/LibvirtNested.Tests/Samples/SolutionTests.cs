using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Tests.Samples;

/// <summary>The repository's build files: every project is in LibvirtNested.sln, and the SDK is pinned by global.json.</summary>
[TestFixture]
public sealed class SolutionTests
{
    // A fresh project that restores the packed packages from its own folder feed; building it with the solution would
    // need the packages first (PackageTests runs it).
    private static readonly string[] OutsideTheSolution = ["tests/PackageTest/Consumer/Consumer.csproj"];

    [Test]
    public void Every_project_is_in_the_solution()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "LibvirtNested.sln")).Replace('\\', '/');
        var projects = new[] { "src", "tests", "samples", "benchmarks" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(RepositoryPaths.Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj"))
            .Except(OutsideTheSolution)
            .ToList();

        Assert.That(projects, Has.Count.GreaterThanOrEqualTo(9));
        Assert.That(projects.Where(path => !solution.Contains($"\"{path}\"", StringComparison.Ordinal)), Is.Empty, "missing from LibvirtNested.sln");
    }

    [Test]
    public void Global_json_pins_the_10_0_sdk_and_keeps_the_vstest_runner()
    {
        var globalJson = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "global.json"));

        Assert.That(globalJson, Does.Contain("\"version\": \"10.0.").And.Contain("\"rollForward\": \"latestFeature\""));
        Assert.That(globalJson, Does.Not.Contain("Microsoft.Testing.Platform"), "NUnit runs in VSTest mode");
    }
}
