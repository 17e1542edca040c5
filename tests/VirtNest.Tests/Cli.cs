using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary>Runs virt-nest in this process (fast; test:///default is shared by the whole process: use unique names) or as a child process.</summary>
internal static class Cli
{
    public const string TestUri = "test:///default";

    public static ChildProcess.Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = VirtNestApp.RunAsync(args, output, error).GetAwaiter().GetResult();
        return new ChildProcess.Result(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>virt-nest on test:///default: <c>-c test:///default</c> and then <paramref name="args"/>.</summary>
    public static ChildProcess.Result OnTestDriver(params string[] args) => Run(["-c", TestUri, .. args]);

    /// <summary>The virt-nest apphost built beside this test assembly.</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "virt-nest");

    public static ChildProcess.Result RunProcess(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null) =>
        ChildProcess.Run(fileName, arguments, workingDirectory, environment, TimeSpan.FromMinutes(10));

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>The error paragraph: one line starting with "virt-nest: error:" (or "usage error:") and no stack trace.</summary>
    public static void AssertOneErrorParagraph(ChildProcess.Result result)
    {
        var lines = result.Error.TrimEnd('\n').Split('\n');
        Assert.That(lines[^1], Does.StartWith("virt-nest: error: ").Or.StartWith("virt-nest: usage error: "), result.ToString);
        Assert.That(result.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception:"), "no stack trace without --debug\n" + result);
    }
}
