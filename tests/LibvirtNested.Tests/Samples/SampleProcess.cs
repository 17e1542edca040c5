using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Tests.Samples;

/// <summary>Runs the samples, scripts and dotnet commands the way a user would, from the repository root.</summary>
internal static class SampleProcess
{
    public static ChildProcess.Result Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        ChildProcess.Run(fileName, arguments, workingDirectory, environment, timeout);

    public static ChildProcess.Result Dotnet(params string[] arguments) => Run("dotnet", arguments);

    /// <summary>Builds a sample project once per test run (Release, as scripts/walkthrough.sh runs it) and returns its dll.</summary>
    public static string Build(string project)
    {
        var result = Dotnet("build", project, "-c", "Release", "-nologo", "-v", "q");
        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var name = Path.GetFileName(project);
        return Path.Combine(RepositoryPaths.Root, project, "bin", "Release", "net10.0", name + ".dll");
    }

    public static string NewTemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "libvirtnested-samples-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }
}
