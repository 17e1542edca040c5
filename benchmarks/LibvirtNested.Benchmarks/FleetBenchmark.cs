using System.Diagnostics;
using System.Globalization;
using LibvirtNested.Fleet;
using LibvirtNested.Testing.Fleet;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// Issue 10's scale runs on real daemons of scripts/libvirtd-fleet.sh (prefix <c>lvpool</c>, unix sockets only):
/// <c>fleet [hosts] [domains]</c> drives hosts × domains through one <see cref="LibvirtHostPool"/> (define, list, read,
/// undefine), once per fleet size 1, 2, 4 … hosts, then the largest again with daemon 1 killed in the middle, and
/// counts threads and descriptors before and after; <c>pool-limit [calls] [callers]</c> runs the same calls against one
/// daemon with the pool's limit (4) and without it.
/// </summary>
public static class FleetBenchmark
{
    private const string Prefix = "lvpool";

    public static int Run(int hosts, int domains)
    {
        using var fleet = StartFleet(hosts);
        var uris = fleet.Daemons.Select(d => d.UnixUri).ToList();
        Warm(uris);
        var baseline = Settle();
        var descriptorsBefore = Descriptors();
        Console.WriteLine($"before: {baseline}");
        var sizes = new List<int>();
        for (var n = 1; n < hosts; n *= 2)
        {
            sizes.Add(n);
        }

        sizes.Add(hosts);
        var single = 0.0;
        foreach (var size in sizes)
        {
            var figures = Drive(uris.Take(size).ToList(), domains, killAfter: null, fleet);
            single = size == 1 ? figures.FleetOpsPerSecond : single;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size} host(s): fleet {figures.FleetOpsPerSecond:F0} ops/s ({figures.FleetOpsPerSecond / Math.Max(single, 1):F2}x of 1 host, ideal {size}x), per host {figures.FleetOpsPerSecond / size:F0} ops/s, p50 {figures.P50:F2} ms, p99 {figures.P99:F2} ms, {figures.Operations} ops in {figures.Seconds:F2} s"));
        }

        var killed = Drive(uris, domains, killAfter: domains / 2, fleet);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hosts} hosts, daemon 1 killed after {domains / 2} defines: survivors finished {killed.SurvivorsFinished}/{hosts - 1}; killed host's failures: {killed.KilledFailures}"));
        var after = Settle();
        Console.WriteLine($"after:  {after}");
        Console.WriteLine($"growth: {after.OtherThreads - baseline.OtherThreads} non-pool threads, {after.Descriptors - baseline.Descriptors} descriptors");
        var descriptorsAfter = Descriptors();
        foreach (var (fd, target) in descriptorsAfter.Where(d => !descriptorsBefore.TryGetValue(d.Key, out var was) || was != d.Value))
        {
            Console.WriteLine($"  new descriptor {fd} -> {target}");
        }
        return killed.SurvivorsFinished == hosts - 1 && after.Descriptors <= baseline.Descriptors && after.OtherThreads <= baseline.OtherThreads ? 0 : 1;
    }

    /// <summary>Many callers against one daemon: the pool's default limit (4) against none (each call straight on one connection).</summary>
    public static int RunLimit(int calls, int callers)
    {
        using var fleet = StartFleet(1);
        var uri = fleet.Daemons[0].UnixUri;
        const int Domains = 100;
        using (var setup = LibvirtConnection.Open(uri))
        {
            for (var i = 0; i < Domains; i++)
            {
                setup.DefineDomain(DomainXml($"limit-{i}"), DomainDefineOptions.None).Dispose();
            }
        }

        Console.WriteLine($"{calls} calls (lookup + inactive XML of one of {Domains} domains, or list all), {callers} concurrent callers, one connection, one daemon with libvirtd's defaults (max_client_requests 5)");
        foreach (var limit in new[] { LibvirtHostPoolOptions.DefaultMaxConcurrentCallsPerHost, 5, 10_000, LibvirtHostPoolOptions.DefaultMaxConcurrentCallsPerHost })
        {
            using var pool = new LibvirtHostPool(new LibvirtHostPoolOptions { MaxConcurrentCallsPerHost = limit, Hosts = { uri } });
            pool.RunAsync(uri, c => c.IsAlive).GetAwaiter().GetResult();
            var latencies = new double[calls];
            var errors = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
            var next = -1;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < calls)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var i = index;
                        await pool.RunAsync(uri, c =>
                        {
                            if (i % 10 == 0)
                            {
                                foreach (var d in c.ListDomains())
                                {
                                    d.Dispose();
                                }

                                return 0;
                            }

                            using var domain = c.GetDomain($"limit-{i % Domains}");
                            return domain.GetInactiveXmlString().Length;
                        }).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is LibvirtException or OperationCanceledException)
                    {
                        errors.AddOrUpdate($"{e.GetType().Name} ({(e as LibvirtException)?.CodeName})", 1, (_, n) => n + 1);
                    }

                    latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            })).ToArray();
            Task.WaitAll(workers);
            var seconds = clock.Elapsed.TotalSeconds;
            Array.Sort(latencies);
            var health = pool.CheckHealthAsync(uri).GetAwaiter().GetResult();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"limit {(limit > 1000 ? "none" : limit.ToString(CultureInfo.InvariantCulture)),4}: {calls / seconds,7:F0} calls/s, p50 {latencies[calls / 2],7:F2} ms, p99 {latencies[(int)(calls * 0.99)],7:F2} ms, max {latencies[^1],8:F2} ms; errors: {(errors.IsEmpty ? "none" : string.Join(", ", errors.Select(e => $"{e.Key} × {e.Value}")))}; reconnects {health.Reconnects}, reachable {health.IsReachable}"));
        }

        return 0;
    }

    internal static string DomainXml(string name) => $"<domain type='qemu'><name>{name}</name><memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>";

    private static LibvirtFleet StartFleet(int hosts)
    {
        if (LibvirtFleet.UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var clock = Stopwatch.StartNew();
        var fleet = LibvirtFleet.Start(hosts, new LibvirtFleetOptions { Prefix = Prefix, Transports = [] });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet of {hosts} daemon(s) (prefix {Prefix}) started in {clock.Elapsed.TotalSeconds:F1} s"));
        return fleet;
    }

    private static void Warm(IReadOnlyList<string> uris)
    {
        // Opens and the daemons' first qemu call outside the measurement.
        using var pool = new LibvirtHostPool(Options(uris));
        var results = pool.FanOutAsync(c => c.ListDomains().Count, perHostTimeout: TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        foreach (var failed in results.Where(r => !r.Succeeded))
        {
            throw new InvalidOperationException($"{failed.Uri}: {failed.Error}");
        }
    }

    private static ProcessFigures Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Thread.Sleep(TimeSpan.FromSeconds(2));
        return ProcessFigures.Now();
    }

    /// <summary>Each open descriptor and what it points to (socket, pipe, anon_inode:[eventfd], a file).</summary>
    private static Dictionary<string, string> Descriptors()
    {
        var result = new Dictionary<string, string>();
        foreach (var fd in Directory.GetFiles("/proc/self/fd"))
        {
            try
            {
                result[Path.GetFileName(fd)] = new FileInfo(fd).LinkTarget ?? "?";
            }
            catch (IOException)
            {
                // Closed between the listing and the read (the listing's own descriptor).
            }
        }

        return result;
    }

    private static LibvirtHostPoolOptions Options(IEnumerable<string> uris)
    {
        var options = new LibvirtHostPoolOptions { PerHostTimeout = TimeSpan.FromMinutes(5) };
        foreach (var uri in uris)
        {
            options.Hosts.Add(uri);
        }

        return options;
    }

    /// <summary>Per host, concurrently: define all, list all, read each one's XML, undefine all; every call through the pool.</summary>
    private static DriveFigures Drive(IReadOnlyList<string> uris, int domains, int? killAfter, LibvirtFleet fleet)
    {
        using var pool = new LibvirtHostPool(Options(uris));
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var operations = 0;
        var clock = Stopwatch.StartNew();
        var hosts = uris.Select((uri, index) => Task.Run(async () =>
        {
            var prefix = $"pool{index}-{Guid.NewGuid():N}"[..16];

            async Task<T> Timed<T>(Func<LibvirtConnection, T> operation)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await pool.RunAsync(uri, operation).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref operations);
                return result;
            }

            // Four callers per host keep the host's four slots busy.
            async Task Parallel(int count, Func<int, Task> body)
            {
                var next = -1;
                await Task.WhenAll(Enumerable.Range(0, LibvirtHostPoolOptions.DefaultMaxConcurrentCallsPerHost).Select(async _ =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < count)
                    {
                        await body(i).ConfigureAwait(false);
                    }
                })).ConfigureAwait(false);
            }

            await Parallel(domains, async i =>
            {
                await Timed(c =>
                {
                    c.DefineDomain(DomainXml($"{prefix}-{i}"), DomainDefineOptions.None).Dispose();
                    return 0;
                }).ConfigureAwait(false);
                if (killAfter == i && index == 0)
                {
                    fleet.Kill(1);
                }
            }).ConfigureAwait(false);
            var names = await Timed(c =>
            {
                var listed = c.ListDomains();
                var mine = listed.Select(d => d.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                foreach (var d in listed)
                {
                    d.Dispose();
                }

                return mine;
            }).ConfigureAwait(false);
            await Parallel(names.Count, i => Timed(c =>
            {
                using var d = c.GetDomain(names[i]);
                return d.GetInfo().MemoryBytes;
            })).ConfigureAwait(false);
            await Parallel(names.Count, i => Timed(c =>
            {
                using var d = c.GetDomain(names[i]);
                d.Undefine();
                return 0;
            })).ConfigureAwait(false);
            return names.Count;
        })).ToArray();

        var survivors = 0;
        var killedFailures = "none";
        for (var i = 0; i < hosts.Length; i++)
        {
            try
            {
                var count = hosts[i].GetAwaiter().GetResult();
                if (count != domains)
                {
                    throw new InvalidOperationException($"host {i + 1} listed {count} of its {domains} domains");
                }

                survivors += killAfter is null || i > 0 ? 1 : 0;
            }
            catch (LibvirtException e) when (killAfter is not null && i == 0)
            {
                killedFailures = $"{e.GetType().Name} ({e.CodeName}): {e.Message.Split('\n')[0]}";
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.OrderBy(l => l).ToArray();
        return new DriveFigures(operations, seconds, operations / seconds, sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)], survivors, killedFailures);
    }

    private sealed record DriveFigures(int Operations, double Seconds, double FleetOpsPerSecond, double P50, double P99, int SurvivorsFinished, string KilledFailures);
}
