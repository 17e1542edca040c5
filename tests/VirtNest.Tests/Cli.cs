using System.Diagnostics;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary>Runs virt-nest in this process (fast; test:///default is shared by the whole process: use unique names) or as a child process.</summary>
internal static class Cli
{
    public const string TestUri = "test:///default";

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = VirtNestApp.RunAsync(args, output, error).GetAwaiter().GetResult();
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>virt-nest on test:///default: <c>-c test:///default</c> and then <paramref name="args"/>.</summary>
    public static Result OnTestDriver(params string[] args) => Run(["-c", TestUri, .. args]);

    /// <summary>The virt-nest apphost built beside this test assembly.</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "virt-nest");

    public static Result RunProcess(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild/VSTest; a nested dotnet command must not inherit their settings.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', arguments)} did not finish in time");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>The error paragraph: one line starting with "virt-nest: error:" (or "usage error:") and no stack trace.</summary>
    public static void AssertOneErrorParagraph(Result result)
    {
        var lines = result.Error.TrimEnd('\n').Split('\n');
        Assert.That(lines[^1], Does.StartWith("virt-nest: error: ").Or.StartWith("virt-nest: usage error: "), result.ToString);
        Assert.That(result.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception:"), "no stack trace without --debug\n" + result);
    }
}
