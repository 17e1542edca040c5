using System.Diagnostics;
using NUnit.Framework;

namespace LibvirtNested.Testing;

/// <summary>Runs a program as a user would (samples, scripts, dotnet commands, the virt-nest binary) and captures its output.</summary>
public static class ChildProcess
{
    /// <summary>What the program did.</summary>
    /// <param name="ExitCode">Its exit code.</param>
    /// <param name="Output">Everything it wrote to stdout.</param>
    /// <param name="Error">Everything it wrote to stderr.</param>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <inheritdoc/>
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>Runs <paramref name="fileName"/> to its end (the test fails when it outlives <paramref name="timeout"/>, 5 minutes by default).</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, passed as they are (no shell).</param>
    /// <param name="workingDirectory">Where it runs; the repository root by default.</param>
    /// <param name="environment">Variables to set on top of this process's environment.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <returns>Its exit code and output.</returns>
    public static Result Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
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
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', arguments)} did not finish in time");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
