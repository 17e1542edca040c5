using System.Diagnostics;
using LibvirtNested.Host;

namespace LibvirtNested.Samples;

/// <summary>
/// The walkthrough's last step: VM exits before and after a change such as <c>enable_shadow_vmcs=1</c>, from
/// <c>perf kvm stat report --event=vmexit</c>. On the test driver the two sample reports in Resources/ stand in (perf's
/// exact format, made-up numbers for an Intel L1); on a local real driver perf records the current exits when it can.
/// </summary>
internal sealed class VmExits(LabOptions options, TextWriter output)
{
    private static readonly string SampleBefore = Path.Combine(AppContext.BaseDirectory, "Resources", "perf-kvm-stat-before.txt");
    private static readonly string[] KvmExitTracepoints = ["/sys/kernel/tracing/events/kvm/kvm_exit", "/sys/kernel/debug/tracing/events/kvm/kvm_exit"];
    private static readonly string SampleAfter = Path.Combine(AppContext.BaseDirectory, "Resources", "perf-kvm-stat-after.txt");

    /// <summary>Parses the reports named on the command line; one message per report that is not a perf kvm stat report.</summary>
    public static IEnumerable<string> Problems(LabOptions options)
    {
        foreach (var (option, path) in new[] { ("--perf-before", options.PerfBefore), ("--perf-after", options.PerfAfter) })
        {
            if (path is not null && File.Exists(path) && Unreadable(path) is { } why)
            {
                yield return $"{option} '{path}' {why}";
            }
        }
    }

    public void Compare(bool localRealDriver)
    {
        var before = options.PerfBefore ?? (options.IsTestDriver ? SampleBefore : null);
        var after = options.PerfAfter ?? (options.IsTestDriver ? SampleAfter : localRealDriver ? RecordNow() : null);
        if (options.IsTestDriver && options.PerfBefore is null && options.PerfAfter is null)
        {
            output.WriteLine("The test driver runs no guest to measure: comparing the two sample reports shipped with NestedLab");
            output.WriteLine("(perf's exact format, made-up numbers: an Intel L1 before and after enable_shadow_vmcs=1 on L0).");
        }

        if (before is null || after is null)
        {
            if (after is not null)
            {
                output.WriteLine($"VM exits now ({after}), most frequent first:");
                foreach (var row in Read(after).Rows.OrderByDescending(r => r.Samples).Take(10))
                {
                    output.WriteLine($"{row.Name,-24} {row.Samples,12}");
                }
            }

            output.WriteLine("To compare: save 'perf kvm stat report --event=vmexit 2> before.txt' (after 'perf kvm stat record -a sleep 10'),");
            output.WriteLine("make the change (e.g. enable_shadow_vmcs=1 on L0), record again into after.txt, and pass --perf-before before.txt --perf-after after.txt.");
            return;
        }

        var comparison = VmExitComparison.Compare(Read(before), Read(after));
        output.WriteLine($"before: {before}");
        output.WriteLine($"after:  {after}");
        output.WriteLine(comparison);
        var shadowed = comparison.Find("VMREAD")?.Before + comparison.Find("VMWRITE")?.Before ?? 0;
        var eliminated = comparison.Eliminated("VMREAD", "VMWRITE");
        output.WriteLine(shadowed > 0
            ? $"VMREAD + VMWRITE exits eliminated: {eliminated} of {shadowed} ({eliminated * 100.0 / shadowed:0.0}%)."
            : "No VMREAD or VMWRITE exits before: nothing for VMCS shadowing to remove.");
    }

    private static string? Unreadable(string path)
    {
        try
        {
            return Read(path) is { Rows.Count: 0, EventName: null }
                ? "is not the output of 'perf kvm stat report --event=vmexit' (no VM-EXIT table in it)."
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return $"cannot be read as a perf kvm stat report: {e.Message}";
        }
    }

    private static PerfKvmStatReport Read(string path) => PerfKvmStatReport.Parse(File.ReadAllText(path));

    /// <summary>Records the exits of every guest on this machine for --perf-seconds, or says why it cannot.</summary>
    private string? RecordNow()
    {
        var perf = FindOnPath("perf");
        var tracepoints = KvmExitTracepoints.Any(Directory.Exists);
        var why = perf is null ? "perf is not installed (Debian: linux-perf)"
            : !Environment.IsPrivilegedProcess ? "recording needs root"
            : !tracepoints ? "this kernel has no kvm:kvm_exit tracepoint (no KVM module with VM exits)"
            : null;
        if (why is not null)
        {
            output.WriteLine($"Cannot record VM exits here: {why}.");
            return null;
        }

        var directory = options.OutDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(directory);
        var data = Path.Combine(directory, "perf-kvm-stat.data");
        var report = Path.Combine(directory, "perf-kvm-stat.txt");
        output.WriteLine($"Recording VM exits of every guest for {options.PerfSeconds}s (perf kvm stat record -a)...");
        Run(perf!, ["kvm", "stat", "record", "-a", "-o", data, "--", "sleep", options.PerfSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        // perf kvm stat report prints its table on stderr.
        File.WriteAllText(report, Run(perf!, ["kvm", "stat", "report", "-i", data, "--event=vmexit"]));
        output.WriteLine($"Wrote {report}; pass it as --perf-before or --perf-after next time.");
        return report;
    }

    private static string Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return stdout.Result + stderr;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
