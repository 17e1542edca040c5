using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;
using LibvirtNested.Host;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Network;

namespace LibvirtNested.Samples.NestedStack;

/// <summary>
/// The stages of the nested stack, each with a time limit, all through the library: L0's readiness, L1 defined,
/// edited for nesting and started on L0's daemon, L1's own report, the NAT network and L2 in L1 over
/// <c>qemu+tcp://</c>, L2's address and console, <c>perf kvm stat</c> in L1. Tears down on every path.
/// </summary>
internal sealed class StackCommand
{
    private static readonly XNamespace QemuNs = "http://libvirt.org/schemas/domain/qemu/1.0";
    private readonly StackOptions options;
    private readonly StackResults results = new();
    private readonly Stopwatch total = Stopwatch.StartNew();
    private LibvirtConnection? l0;
    private LibvirtConnection? l1;
    private int l1Port;

    private StackCommand(StackOptions options) => this.options = options;

    public static async Task<int> RunAsync(StackOptions options)
    {
        using var interrupted = new CancellationTokenSource();
        // The script sends SIGINT on Ctrl-C or when it is itself stopped: cancel, then tear down in finally.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; interrupted.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; interrupted.Cancel(); });
        return await new StackCommand(options).RunAsync(interrupted.Token).ConfigureAwait(false);
    }

    private async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        results.LoadAverageStart = LoadAverage();
        var exitCode = 0;
        try
        {
            await Stage("L0 readiness", 60, _ => L0Readiness(), cancellationToken).ConfigureAwait(false);
            await Stage("L1 define, nested edit, start", 120, _ => DefineAndStartL1(), cancellationToken).ConfigureAwait(false);
            await Stage("L1 ready (probe in L1, libvirtd over qemu+tcp)", Limit(420, 120), L1ReadyAsync, cancellationToken).ConfigureAwait(false);
            await Stage("NAT network in L1", 120, _ => NetworkInL1(), cancellationToken).ConfigureAwait(false);
            await Stage("L2 define with LUN, start, address", Limit(420, 180), L2Async, cancellationToken).ConfigureAwait(false);
            await Stage("VM exits (perf kvm stat in L1)", Limit(300, 120), PerfAsync, cancellationToken).ConfigureAwait(false);
            results.Completed = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            results.Failure = "interrupted";
            exitCode = 130;
            Console.WriteLine("nested-stack: interrupted; tearing down.");
        }
        catch (StageFailedException e)
        {
            results.Failure = e.Message;
            exitCode = 3;
            Console.WriteLine($"nested-stack: {e.Message}");
        }
        finally
        {
            RecordL1Cost();
            results.LoadAverageEnd = LoadAverage();
            if (!options.Keep || exitCode != 0)
            {
                TearDown();
            }

            l1?.Dispose();
            l0?.Dispose();
            WriteResults();
            PrintSummary();
        }

        return exitCode;
    }

    // Stages under TCG take longer; with KVM for L1 the tighter limit applies.
    private double Limit(double tcg, double kvm) => results.L1Accel == "kvm" ? kvm : tcg;

    private Task Stage(string name, double limitSeconds, Action<CancellationToken> body, CancellationToken cancellationToken) =>
        Stage(name, limitSeconds, token => { body(token); return Task.CompletedTask; }, cancellationToken);

    private async Task Stage(string name, double limitSeconds, Func<CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        var left = options.BudgetSeconds - total.Elapsed.TotalSeconds;
        var limit = Math.Min(limitSeconds, Math.Max(left, 1));
        Console.WriteLine($"== [{DateTime.UtcNow:HH:mm:ss}] {name} (limit {limit:0} s)");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(limit));
        var watch = Stopwatch.StartNew();
        try
        {
            // A stage's blocking libvirt calls run off the caller, so the limit holds even when one of them hangs.
            await Task.Run(() => body(timeout.Token), timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
            results.Stages.Add(new StageResult(name, Math.Round(watch.Elapsed.TotalSeconds, 1), limit, true, null, LoadAverage()));
            Console.WriteLine($"   {name}: {watch.Elapsed.TotalSeconds:0.0} s");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var message = e is OperationCanceledException or TimeoutException && timeout.IsCancellationRequested
                ? $"stage '{name}' went over its limit of {limit:0} s (load average {LoadAverage()}); see {options.Share} for L1's and L2's logs."
                : $"stage '{name}' failed: {e.GetType().Name}: {e.Message}";
            results.Stages.Add(new StageResult(name, Math.Round(watch.Elapsed.TotalSeconds, 1), limit, false, message, LoadAverage()));
            throw new StageFailedException(message, e);
        }
    }

    private void L0Readiness()
    {
        var report = NestedVirtualizationProbe.Run();
        results.L0 = ReadinessSummary.Of(report);
        Console.WriteLine(Indent(report.ToString()));
        var kvmUsable = File.Exists("/dev/kvm") && report.Verdict == ReadinessVerdict.Ready && (report.HasSvm || report.HasVmx);
        (results.L1Accel, results.L1AccelReason) = options.L1Mode switch
        {
            "kvm" => ("kvm", "--l1 kvm"),
            "tcg" => ("tcg", "--l1 tcg"),
            _ when kvmUsable => ("kvm", "L0 has /dev/kvm with vmx/svm and nesting enabled: L1 runs under hardware KVM."),
            _ => ("tcg", $"L0 cannot give L1 hardware virtualization (verdict {report.Verdict}; {(File.Exists("/dev/kvm") ? "/dev/kvm exists" : "no /dev/kvm")}, svm {report.HasSvm}, vmx {report.HasVmx}): L1 runs under QEMU TCG with an emulated svm CPU."),
        };
        Console.WriteLine($"   L1 accelerator: {results.L1Accel} — {results.L1AccelReason}");
    }

    private void DefineAndStartL1()
    {
        l0 = LibvirtConnection.Open(options.Uri);
        RemoveLeftover(l0, options.L1Name);
        l1Port = FreeLoopbackPort();
        var kver = File.ReadAllText(Path.Combine(options.Work, "kver")).Trim();
        WriteL1Environment(kver);

        var domain = StackGuests.L1(options, results.L1Accel == "kvm" ? "kvm" : "qemu", l1Port);
        using var defined = l0.DefineDomain(domain);
        // The library's L1 edit: the CPU the domain capabilities allow (host-passthrough on KVM, maximum+svm on TCG).
        var edit = l0.EditDomainForNesting(options.L1Name);
        l0.EditDomain(options.L1Name, d => d.EnsureVirtioScsiController());
        var stored = defined.GetInactiveXml();
        results.L1.Name = options.L1Name;
        results.L1.DomainType = stored.Type;
        results.L1.CpuMode = stored.Cpu?.Mode?.Value;
        results.L1.CpuFeatures.AddRange(stored.Cpu?.Features.Select(f => $"{f.Element.Attribute("policy")?.Value}:{f.Element.Attribute("name")?.Value}") ?? []);
        results.L1.EditDiff = edit.Diff;
        results.L1.HasVirtioScsiController = stored.Devices.Controllers.Any(c => c.Model == DomainControllerModel.VirtioScsi);
        Console.Write(Indent(edit.Diff));
        defined.Start();
        results.L1.State = defined.GetState().State.ToString();
        Console.WriteLine($"   L1 '{options.L1Name}' {results.L1.State}: type='{stored.Type}', cpu mode='{results.L1.CpuMode}' {string.Join(' ', results.L1.CpuFeatures)}");
    }

    private async Task L1ReadyAsync(CancellationToken cancellationToken)
    {
        var reportPath = Path.Combine(options.Share, "l1-report.json");
        var watch = Stopwatch.StartNew();
        while (!File.Exists(reportPath))
        {
            EnsureL1Running();
            await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
        }

        var report = JsonSerializer.Deserialize<L1Report>(await File.ReadAllTextAsync(reportPath, cancellationToken).ConfigureAwait(false), Json.Options)!;
        results.L1.Report = report;
        Console.WriteLine($"   L1 report after {watch.Elapsed.TotalSeconds:0} s: kernel {report.KernelRelease}, role {report.Readiness.Role}, svm {report.Readiness.HasSvm}, vmx {report.Readiness.HasVmx}, modules {string.Join(',', report.Readiness.Modules)}, /dev/kvm {report.Readiness.VerdictOf(ReadinessFindingIds.DevKvm)}, verdict {report.Readiness.Verdict}");
        Console.WriteLine($"   scsi_debug disk {report.ScsiDevice} ({report.ScsiVendor} {report.ScsiModel}), block-device safety: {(report.ScsiDeviceSafe ? "not in use" : report.ScsiSafetyError ?? string.Join("; ", report.ScsiDeviceUses))}");
        if (report.Readiness.VerdictOf(ReadinessFindingIds.DevKvm) != nameof(ReadinessVerdict.Ready) || !(report.Readiness.HasSvm || report.Readiness.HasVmx))
        {
            throw new InvalidOperationException("L1 is not ready to host L2 (see the probe's findings in results.json).");
        }

        var uri = $"qemu+tcp://127.0.0.1:{l1Port}/system";
        results.L1.RemoteUri = uri;
        while (true)
        {
            try
            {
                l1 = LibvirtConnection.Open(uri, L1ConnectionOptions);
                results.L1.RemoteHostname = l1.HostName;
                Console.WriteLine($"   {uri} answers ({results.L1.RemoteHostname}) {total.Elapsed.TotalSeconds:0} s after the start");
                return;
            }
            catch (LibvirtException)
            {
                EnsureL1Running();
                await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // L1 is emulated: while it starts L2 its one vCPU can be busy for longer than libvirt's default keepalive (5 s x 5
    // unanswered probes) allows, and a CI run saw virDomainCreate fail with "connection closed due to keepalive timeout".
    // A stalled emulated L1 is slow, not dead: allow it 2 minutes without an answer.
    private static readonly LibvirtConnectionOptions L1ConnectionOptions = new()
    {
        KeepAliveInterval = TimeSpan.FromSeconds(10),
        KeepAliveCount = 12,
    };

    private void NetworkInL1()
    {
        // perf kvm stat in L1. Starting perf takes minutes under TCG, so it starts now, while the network comes up;
        // it records while its workload runs: the workload marks the start, then waits for L0's stop file. The
        // report goes to stderr.
        StartL1Command("perf-record", string.Join('\n',
            "perf kvm stat record -a -o /tmp/perf.data -- sh -c ': > /lvshare/perf-recording; until [ -e /lvshare/perf-stop ]; do sleep 0.5; done'",
            "perf kvm -i /tmp/perf.data stat report --event=vmexit > /lvshare/perf-kvm-stat-report.txt 2>&1"));
        var network = new NatNetworkBuilder(options.Network)
            .WithBridge("virbr1")
            .WithSubnet("192.168.166.0/24")
            .WithDhcpRange("192.168.166.128", "192.168.166.254")
            .Build();
        using var defined = L1.DefineNetwork(network);
        defined.Start();
        results.Network.Name = options.Network;
        results.Network.Bridge = defined.BridgeName;
        results.Network.Active = defined.IsActive;
        results.Network.Subnet = "192.168.166.0/24";
        Console.WriteLine($"   network '{options.Network}' in L1: bridge {results.Network.Bridge}, active {results.Network.Active}");
    }

    private async Task L2Async(CancellationToken cancellationToken)
    {
        var report = results.L1.Report!;
        var lun = report.ScsiDevice ?? throw new InvalidOperationException("L1 has no scsi_debug disk to pass to L2.");
        var domain = StackGuests.L2(options);
        // The block-device safety check ran in L1, where the disk is: AddLunDisk takes its verdict.
        domain.AddLunDisk(lun, new LunDiskOptions
        {
            VerifyDevice = path =>
            {
                if (path != report.ScsiDevice || !report.ScsiDeviceSafe)
                {
                    throw new InvalidOperationException($"The block-device safety check in L1 did not clear {path}: {report.ScsiSafetyError ?? string.Join("; ", report.ScsiDeviceUses)}");
                }
            },
        });
        using var l2 = L1.DefineDomain(domain);
        var stored = l2.GetInactiveXml();
        var disk = stored.Devices.Disks.Single(d => d.Device?.Value == "lun");
        results.L2.Name = options.L2Name;
        results.L2.DomainType = stored.Type;
        results.L2.LunDevice = disk.Device?.Value;
        results.L2.LunType = disk.Type?.Value;
        results.L2.LunSource = disk.Source?.Dev;
        results.L2.LunBus = disk.Element.Element("target")?.Attribute("bus")?.Value;
        results.L2.Mac = stored.Devices.Interfaces.Single().Element.Element("mac")?.Attribute("address")?.Value;
        Console.WriteLine($"   L2 '{options.L2Name}' type='{stored.Type}': <disk type='{results.L2.LunType}' device='{results.L2.LunDevice}'> source {results.L2.LunSource} bus {results.L2.LunBus}; NIC {results.L2.Mac} on {options.Network}");

        var watch = Stopwatch.StartNew();
        l2.Start();
        results.L2.State = l2.GetState().State.ToString();
        var addresses = await l2.WaitForAddressesAsync(TimeSpan.FromSeconds(300), new DomainAddressWaitOptions { Source = DomainAddressSource.Lease }, cancellationToken).ConfigureAwait(false);
        results.L2.SecondsToAddress = Math.Round(watch.Elapsed.TotalSeconds, 1);
        results.L2.Address = addresses.SelectMany(a => a.Addresses).Select(a => a.Address.ToString()).FirstOrDefault();
        using (var network = L1.GetNetwork(options.Network))
        {
            results.L2.Leases.AddRange(network.GetDhcpLeases().Select(l => $"{l.MacAddress} {l.IPAddress}/{l.Prefix} {l.HostName}"));
        }

        Console.WriteLine($"   L2 {results.L2.State}, address {results.L2.Address} {results.L2.SecondsToAddress} s after start (library's wait on the DHCP lease)");
        await ReadL2ConsoleAsync(cancellationToken).ConfigureAwait(false);
        results.L2.State = l2.GetState().State.ToString();
    }

    private async Task ReadL2ConsoleAsync(CancellationToken cancellationToken)
    {
        var console = Path.Combine(options.Share, "l2-console.log");
        while (true)
        {
            var lines = File.Exists(console) ? await File.ReadAllLinesAsync(console, cancellationToken).ConfigureAwait(false) : [];
            foreach (var line in lines.Select(l => l.Trim()))
            {
                if (line.StartsWith("L2-SCSI ", StringComparison.Ordinal))
                {
                    results.L2.ConsoleScsiVendor = Field(line, "vendor");
                    results.L2.ConsoleScsiModel = Field(line, "model");
                }
                else if (line.StartsWith("L2-SCSI-READ ", StringComparison.Ordinal))
                {
                    results.L2.ConsoleScsiRead = line.EndsWith(" ok", StringComparison.Ordinal);
                }
                else if (line.StartsWith("L2-LEASE ", StringComparison.Ordinal))
                {
                    results.L2.ConsoleAddress = Field(line, "ip");
                }
            }

            if (lines.Any(l => l.Contains("L2-READY", StringComparison.Ordinal)))
            {
                Console.WriteLine($"   L2's console: SCSI vendor {results.L2.ConsoleScsiVendor} model {results.L2.ConsoleScsiModel} read {results.L2.ConsoleScsiRead}, lease {results.L2.ConsoleAddress}");
                return;
            }

            await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PerfAsync(CancellationToken cancellationToken)
    {
        // At least PerfWindow of recording while L2 runs (it started before this stage), then stop.
        var recording = Path.Combine(options.Share, "perf-recording");
        while (!File.Exists(recording))
        {
            await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
        }

        var recordingSince = DateTime.UtcNow;
        await Task.Delay(PerfWindow, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(options.Share, "perf-stop"), string.Empty, cancellationToken).ConfigureAwait(false);
        results.Perf.SecondsRecordedAfterL2Address = Math.Round((DateTime.UtcNow - recordingSince).TotalSeconds, 1);
        var done = Path.Combine(options.Share, "cmd", "perf-record.done");
        while (!File.Exists(done))
        {
            await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
        }

        var reportFile = Path.Combine(options.Share, "perf-kvm-stat-report.txt");
        var exit = (await File.ReadAllTextAsync(done, cancellationToken).ConfigureAwait(false)).Trim();
        if (exit != "0" || !File.Exists(reportFile))
        {
            throw new InvalidOperationException($"perf kvm stat in L1 exited {exit}: {File.ReadAllText(Path.Combine(options.Share, "cmd", "perf-record.out"))}");
        }

        var report = PerfKvmStatReport.Parse(await File.ReadAllTextAsync(reportFile, cancellationToken).ConfigureAwait(false));
        results.Perf.ReportFile = reportFile;
        results.Perf.EventName = report.EventName;
        results.Perf.TotalSamples = report.TotalSamples;
        results.Perf.Rows.AddRange(report.Rows.Select(r => new PerfRow(r.Name, r.Samples, r.SamplesPercent, r.TimePercent, r.MeanMicroseconds)));
        Console.WriteLine($"   perf kvm stat ({report.EventName}): {report.TotalSamples} exits, {report.Rows.Count} reasons");
        foreach (var row in report.Rows.Take(12))
        {
            Console.WriteLine($"   {row.Name,-24} {row.Samples,9} {row.SamplesPercent,7:0.00}% {row.TimePercent,7:0.00}% {row.MeanMicroseconds,10:0.00} us");
        }
    }

    // How long perf keeps recording once it runs and L2 has its address: L2's timer and idle exits keep coming.
    private static readonly TimeSpan PerfWindow = TimeSpan.FromSeconds(15);

    private LibvirtConnection L1 => l1 ?? throw new InvalidOperationException("Not connected to L1's libvirtd.");

    private void EnsureL1Running()
    {
        using var domain = l0!.GetDomain(options.L1Name);
        if (!domain.IsActive)
        {
            throw new InvalidOperationException($"L1 stopped; its console is in {Path.Combine(options.Share, "l1-serial.log")}.");
        }
    }

    private void StartL1Command(string name, string script)
    {
        var path = Path.Combine(options.Share, "cmd", name + ".sh");
        File.WriteAllText(path + ".tmp", script + "\n");
        File.Move(path + ".tmp", path);
    }

    private void WriteL1Environment(string kver)
    {
        Directory.CreateDirectory(Path.Combine(options.Share, "cmd"));
        var dotnetRoot = Path.GetDirectoryName(Environment.ProcessPath) ?? "/usr/share/dotnet";
        File.WriteAllText(Path.Combine(options.Share, "l1.env"), string.Join('\n',
            $"LV_KVER={kver}",
            $"LV_MODULES={Path.Combine(options.Work, "kernel", "lib", "modules", kver)}",
            $"LV_DRIVER={typeof(StackCommand).Assembly.Location}",
            $"LV_DOTNET_ROOT={dotnetRoot}",
            "LV_TCP_PORT=16509",
            "LV_SCSI_MB=16",
            string.Empty));
        File.WriteAllText(Path.Combine(options.Share, "l1.port"), l1Port.ToString(CultureInfo.InvariantCulture));
    }

    private void TearDown()
    {
        Console.WriteLine("== teardown");
        Try("L2", () =>
        {
            if (l1 is not null && l1.TryGetDomain(options.L2Name, out var l2))
            {
                using (l2)
                {
                    if (l2.IsActive)
                    {
                        l2.Destroy();
                    }

                    l2.Undefine();
                }
            }
        });
        Try("network", () =>
        {
            if (l1 is not null && l1.TryGetNetwork(options.Network, out var network))
            {
                using (network)
                {
                    if (network.IsActive)
                    {
                        network.Destroy();
                    }

                    network.Undefine();
                }
            }
        });
        Try("L1", () =>
        {
            l1?.Dispose();
            l1 = null;
            l0 ??= LibvirtConnection.Open(options.Uri);
            RemoveLeftover(l0, options.L1Name);
        });
        Try("L1's log", () => File.Delete($"/var/log/libvirt/qemu/{options.L1Name}.log"));
    }

    private static void RemoveLeftover(LibvirtConnection connection, string name)
    {
        if (connection.TryGetDomain(name, out var domain))
        {
            using (domain)
            {
                if (domain.IsActive)
                {
                    domain.Destroy();
                }

                domain.Undefine();
            }
        }
    }

    private static void Try(string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is LibvirtException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.WriteLine($"   teardown of {what}: {e.Message}");
        }
    }

    // L1's QEMU on L0: CPU seconds and peak memory, from /proc (the pid file the sandbox daemon writes).
    private void RecordL1Cost()
    {
        try
        {
            var pidFile = $"/run/libvirt/qemu/{options.L1Name}.pid";
            if (!File.Exists(pidFile))
            {
                return;
            }

            var pid = File.ReadAllText(pidFile).Trim();
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            results.L1.QemuCpuSeconds = Math.Round(ticks / 100.0, 1);
            var hwm = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (hwm is not null)
            {
                results.L1.QemuMaxRssMegabytes = Math.Round(long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0);
            }
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            Console.WriteLine($"   (L1's cost not read: {e.Message})");
        }
    }

    private void WriteResults()
    {
        var path = Path.Combine(options.Work, "results.json");
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(results, Json.Options));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private void PrintSummary()
    {
        Console.WriteLine("== summary");
        foreach (var stage in results.Stages)
        {
            Console.WriteLine($"   {(stage.Ok ? "ok  " : "FAIL")} {stage.Seconds,6:0.0} s  {stage.Name}");
        }

        Console.WriteLine($"   L1 under {results.L1Accel?.ToUpperInvariant()} (cpu mode '{results.L1.CpuMode}'), L2 type '{results.L2.DomainType}' at {results.L2.Address}; L1's QEMU: {results.L1.QemuCpuSeconds} CPU s, peak {results.L1.QemuMaxRssMegabytes} MB; {total.Elapsed.TotalSeconds:0} s in all; load average {results.LoadAverageStart} -> {results.LoadAverageEnd}");
        Console.WriteLine(results.Completed ? "   the stack was built" : $"   the stack was NOT built: {results.Failure}");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Indent(string text) => string.Concat(text.Split('\n').Where(l => l.Length > 0).Select(l => "   " + l + "\n"));

    private static string? Field(string line, string name) =>
        line.Split(' ').FirstOrDefault(f => f.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];

    // A free port on 127.0.0.1 of the namespace the driver runs in (the sandbox's), for QEMU's forward to L1.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
