using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using LibvirtNested.Host;

namespace LibvirtNested.Benchmarks;

/// <summary>Issue 8, defect 6 (host part): the Host parsers and formatters must be linear. A fixture root whose
/// <c>kvm-intel.conf</c> has one line with N <c>nested=0</c> options (the shape that made
/// <c>NestedReadinessReport.ToString()</c> allocate 5.8 GB at 16k), then: probe + <c>ToString()</c>, <c>PlanRemedy</c> (read +
/// merge), and <c>PerfKvmStatReport.Parse</c> of N rows. Quick mode: <c>host [maxOptions]</c> doubles N from 1,000 and prints
/// thread CPU time (best of 3 × 20 runs) and allocations per step: linear work doubles with N (ratio ≈ 2), quadratic work quadruples.</summary>
[MemoryDiagnoser]
public class HostBenchmarks
{
    private string root = string.Empty;
    private string perfText = string.Empty;

    [Params(4_000, 16_000)]
    public int Options { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        root = CreateRoot(Options);
        perfText = PerfReport(Options);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(root, recursive: true);

    [Benchmark]
    public int ProbeAndToString() => NestedVirtualizationProbe.Run(root).ToString().Length;

    [Benchmark]
    public int PlanRemedy() => KvmModprobeConfig.PlanRemedy(HostCpuVendor.Intel, root).Changes.Count;

    [Benchmark]
    public int ParsePerfKvmStat() => PerfKvmStatReport.Parse(perfText).Rows.Count;

    /// <summary>The quick mode: doubling N, Stopwatch time and allocated bytes of each operation, and the ratio to the
    /// previous N.</summary>
    public static void Quick(int maxOptions)
    {
        Console.WriteLine($"{"options",8} {"operation",-18} {"CPU ms",10} {"x prev",7} {"MB alloc",10} {"x prev",7} {"text chars",11}");
        var previous = new Dictionary<string, (double Ms, double Mb)>();
        for (var n = 1_000; n <= maxOptions; n *= 2)
        {
            var bench = new HostBenchmarks { Options = n };
            bench.Setup();
            try
            {
                Measure(n, "probe+ToString", bench.ProbeAndToString, previous);
                Measure(n, "PlanRemedy", bench.PlanRemedy, previous);
                Measure(n, "PerfKvmStat.Parse", bench.ParsePerfKvmStat, previous);
            }
            finally
            {
                bench.Cleanup();
            }
        }
    }

    private static void Measure(int n, string label, Func<int> operation, Dictionary<string, (double Ms, double Mb)> previous)
    {
        operation();
        var best = double.MaxValue;
        var bytes = 0L;
        var result = 0;
        const int Repeats = 20;
        for (var i = 0; i < 3; i++)
        {
            // Thread CPU time, not wall clock: on the shared machine other processes only ever add wall time. The clock
            // ticks coarsely, so one measurement is 20 runs.
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = QuickModes.ThreadCpuNanoseconds();
            for (var r = 0; r < Repeats; r++)
            {
                result = operation();
            }

            cpu = QuickModes.ThreadCpuNanoseconds() - cpu;
            bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / Repeats;
            best = Math.Min(best, cpu / 1e6 / Repeats);
        }

        var mb = bytes / 1e6;
        var ratio = previous.TryGetValue(label, out var last) ? (best / last.Ms).ToString("0.00", CultureInfo.InvariantCulture) : "-";
        var allocRatio = previous.TryGetValue(label, out last) ? (mb / last.Mb).ToString("0.00", CultureInfo.InvariantCulture) : "-";
        previous[label] = (best, mb);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n,8} {label,-18} {best,10:0.00} {ratio,7} {mb,10:0.00} {allocRatio,7} {result,11}"));
    }

    private static string CreateRoot(int options)
    {
        var root = Directory.CreateTempSubdirectory("libvirtnested-hostbench-").FullName;
        Write(root, "proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vmx ept\nvmx flags\t: ept shadow_vmcs\n\n");
        Write(root, "sys/module/kvm_intel/parameters/nested", "N\n");
        Write(root, "sys/module/kvm_intel/parameters/enable_shadow_vmcs", "Y\n");
        Write(root, "sys/module/kvm_intel/parameters/ept", "Y\n");
        Write(root, "etc/modprobe.d/kvm-intel.conf", "options kvm-intel" + string.Concat(Enumerable.Repeat(" nested=0", options)) + "\n");
        return root;
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string PerfReport(int rows)
    {
        var text = new StringBuilder("Analyze events for all VMs, all VCPUs:\n\n");
        text.Append("             VM-EXIT    Samples  Samples%     Time%    Min Time    Max Time         Avg time\n\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"          REASON{i,6} {1000 + i,10} {0.01,8:0.00}% {0.01,8:0.00}% {0.31,10:0.00}us {48.21,10:0.00}us {0.61,10:0.00}us ( +- {0.41,6:0.00}% )\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"\nTotal Samples:{rows}, Total events handled time:1.00us.\n").ToString();
    }
}
