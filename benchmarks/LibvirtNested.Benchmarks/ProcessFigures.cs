using System.Globalization;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// What a leak shows up in, read from <c>/proc/self</c>: resident memory, threads (and how many of them are the thread
/// pool's workers, whose number the pool's hill climbing changes on its own), open descriptors.
/// </summary>
public readonly record struct ProcessFigures(long RssBytes, int Threads, int PoolThreads, int Descriptors, long ManagedHeapBytes)
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

        return new ProcessFigures(rss, threads, ThreadPool.ThreadCount, Directory.GetFiles("/proc/self/fd").Length, GC.GetTotalMemory(false));
    }

    /// <summary>Threads that are not thread-pool workers: the runtime's own, libvirt's event loop thread, and any a leak would add.</summary>
    public int OtherThreads => Threads - PoolThreads;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"VmRSS {RssBytes / 1048576.0,7:F2} MB, managed heap {ManagedHeapBytes / 1048576.0,6:F2} MB, threads {Threads,3} ({PoolThreads} pool workers), open fds {Descriptors,3}");
}
