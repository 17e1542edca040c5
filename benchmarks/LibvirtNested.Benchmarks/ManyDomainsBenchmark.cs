using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LibvirtNested.Testing.Fleet;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// <c>many-domains [count] [rounds]</c>: on one connection to one lvpool daemon, define N domains, list them all with
/// their inactive XML, read a typed field (<c>&lt;memory&gt;</c>) from each, undefine them; in C# and in libvirt-python
/// (<c>benchmarks/pool/libvirt_python_domains.py</c>) alternately, against the same daemon. Also the managed memory
/// a listed <see cref="LibvirtDomain"/> holds.
/// </summary>
public static class ManyDomainsBenchmark
{
    private static readonly string[] Phases = ["define", "list_xml", "read_field", "undefine"];

    public static int Run(int count, int rounds)
    {
        if (LibvirtFleet.UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        using var fleet = LibvirtFleet.Start(1, new LibvirtFleetOptions { Prefix = "lvpool", Transports = [] });
        var uri = fleet.Daemons[0].UnixUri;
        var python = Environment.GetEnvironmentVariable("LIBVIRTNESTED_PYTHON") ?? "/usr/bin/python3";
        var script = Path.Combine(BenchPaths.RepositoryRoot, "benchmarks", "pool", "libvirt_python_domains.py");
        Console.WriteLine($"{count} domains on one connection to one daemon ({uri}), {rounds} rounds, python ({python}) and C# alternately");
        var cs = new List<Dictionary<string, double>>();
        var py = new List<Dictionary<string, double>>();
        // LVPOOL_KEEPALIVE=0: no keepalive, so no event loop thread watching the socket (as in the python peer).
        var keepAlive = Environment.GetEnvironmentVariable("LVPOOL_KEEPALIVE") == "0" ? TimeSpan.Zero : LibvirtConnectionOptions.DefaultKeepAliveInterval;
        Console.WriteLine($"C# keepalive: {keepAlive.TotalSeconds} s");
        using (var connection = LibvirtConnection.Open(uri, new LibvirtConnectionOptions { KeepAliveInterval = keepAlive }))
        {
            PerDomainMemory(connection, Math.Min(count, 10_000));
            for (var round = 1; round <= rounds; round++)
            {
                py.Add(RunPython(python, script, uri, count, $"py{round}"));
                Print($"round {round} python", py[^1]);
                cs.Add(RunCSharp(connection, count, $"cs{round}"));
                Print($"round {round} C#    ", cs[^1]);
            }
        }

        var line = string.Join(", ", Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p} {Median(cs, p) / Median(py, p):F2}x")));
        var total = cs.Select(r => Phases.Sum(p => r[p])).Order().ElementAt(cs.Count / 2) / py.Select(r => Phases.Sum(p => r[p])).Order().ElementAt(py.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"=> C# / python time (lower is better, medians): {line}; all four {total:F2}x"));
        return 0;
    }

    private static Dictionary<string, double> RunCSharp(LibvirtConnection connection, int count, string prefix)
    {
        var phases = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            connection.DefineDomain(FleetBenchmark.DomainXml($"{prefix}-{i}"), DomainDefineOptions.None).Dispose();
        }

        phases["define"] = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var documents = new List<(string Name, string Xml)>(count);
        foreach (var domain in connection.ListDomains())
        {
            using (domain)
            {
                var name = domain.Name;
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    documents.Add((name, domain.GetInactiveXmlString()));
                }
            }
        }

        phases["list_xml"] = clock.Elapsed.TotalSeconds;
        clock.Restart();
        ulong sum = 0;
        foreach (var (_, xml) in documents)
        {
            sum += DomainXml.Parse(xml).MemoryBytes ?? 0;
        }

        phases["read_field"] = clock.Elapsed.TotalSeconds;
        clock.Restart();
        foreach (var (name, _) in documents)
        {
            using var domain = connection.GetDomain(name);
            domain.Undefine();
        }

        phases["undefine"] = clock.Elapsed.TotalSeconds;
        if (documents.Count != count || sum != (ulong)count * 64 * 1024 * 1024)
        {
            throw new InvalidOperationException($"C# listed {documents.Count} of {count} domains, memory sum {sum}");
        }

        return phases;
    }

    /// <summary>Managed bytes per listed domain object (its SafeHandle and wrapper), from the heap before and after holding N of them.</summary>
    private static void PerDomainMemory(LibvirtConnection connection, int count)
    {
        for (var i = 0; i < count; i++)
        {
            connection.DefineDomain(FleetBenchmark.DomainXml($"mem-{i}"), DomainDefineOptions.None).Dispose();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var rssBefore = ProcessFigures.Now().RssBytes;
        var listed = connection.ListDomains();
        var after = GC.GetTotalMemory(true);
        var rssAfter = ProcessFigures.Now().RssBytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"a listed LibvirtDomain: {(after - before) / (double)listed.Count:F0} managed bytes each ({listed.Count} held, list array included), process RSS +{(rssAfter - rssBefore) / (double)listed.Count:F0} bytes each (libvirt's virDomain objects included)"));
        foreach (var domain in listed)
        {
            domain.Undefine();
            domain.Dispose();
        }
    }

    private static Dictionary<string, double> RunPython(string python, string script, string uri, int count, string prefix)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(uri);
        start.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(prefix);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{python} {script} exited with {process.ExitCode} (python3-libvirt installed?):\n{output}{errors.Result}");
        }

        using var json = JsonDocument.Parse(output);
        if (json.RootElement.GetProperty("count").GetInt32() != count)
        {
            throw new InvalidOperationException("python listed a different number of domains: " + output);
        }

        return Phases.ToDictionary(p => p, p => json.RootElement.GetProperty(p).GetDouble());
    }

    private static double Median(List<Dictionary<string, double>> rounds, string phase) => rounds.Select(r => r[phase]).Order().ElementAt(rounds.Count / 2);

    private static void Print(string label, Dictionary<string, double> phases) =>
        Console.WriteLine($"{label}: " + string.Join(", ", Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p} {phases[p]:F2} s"))));
}
