using System.Diagnostics;

namespace LibvirtNested.AotTests;

/// <summary>What a finished process printed and returned.</summary>
internal sealed record ProcessRun(int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, stdout and
    /// stderr interleaved into one text; kills the process tree and fails after <paramref name="timeout"/>.
    /// </summary>
    public static ProcessRun Start(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var output = new System.Text.StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}:\n{Text(output)}");
        }

        process.WaitForExit();
        return new ProcessRun(process.ExitCode, Text(output), stopwatch.Elapsed);
    }

    private static void Append(System.Text.StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Text(System.Text.StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
