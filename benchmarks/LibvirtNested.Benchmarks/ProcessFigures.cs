using System.Globalization;

namespace LibvirtNested.Benchmarks;

/// <summary>What a leak shows up in, read from <c>/proc/self</c>: resident memory, threads, open descriptors.</summary>
public readonly record struct ProcessFigures(long RssBytes, int Threads, int Descriptors, long ManagedHeapBytes)
{
    public static ProcessFigures Now()
    {
        long rss = 0;
        var threads = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return new ProcessFigures(rss, threads, Directory.GetFiles("/proc/self/fd").Length, GC.GetTotalMemory(false));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"VmRSS {RssBytes / 1048576.0,7:F2} MB, managed heap {ManagedHeapBytes / 1048576.0,6:F2} MB, threads {Threads,3}, open fds {Descriptors,3}");
}
