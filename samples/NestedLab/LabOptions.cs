using System.Globalization;
using LibvirtNested.Xml;

namespace LibvirtNested.Samples;

/// <summary>The command line of NestedLab; every value of the walkthrough can be overridden.</summary>
internal sealed record LabOptions
{
    public const string Usage = """
        usage: NestedLab [options]
          --connect URI          libvirt URI (default test:///default, libvirt's in-process test driver)
          --network NAME         NAT network for L2 (default nested-bridge; bridge virbr1, 192.168.166.0/24)
          --l1 NAME              the L1 guest to edit (default nested-L1; created on the test driver if absent)
          --lun PATH             block device passed to L1 as a SCSI LUN (default /dev/sdb)
          --skip-device-check    do not check that the LUN is an unused block device on this machine
          --l2 NAME              the L2 guest to create (default nested-L2)
          --memory SIZE          L2 memory, MiB or with a unit such as 16G (default 16000)
          --vcpus N              L2 virtual CPUs (default 4)
          --iso PATH             installer ISO for L2 (default /var/lib/libvirt/images/debian-12-netinst.iso)
          --disk PATH            L2 disk: a block device or an image file (default /dev/sda2)
          --wait SECONDS         how long to wait for L2's address (default 60)
          --write-modprobe       write the modprobe.d remedy for nested KVM (needs root; on L0, not in a guest)
          --host-root DIR        probe DIR as if it were / (a copy of /proc and /sys, for tests)
          --dry-run              change nothing; print what would change
          --perf-before FILE     a saved 'perf kvm stat report --event=vmexit' (before a change such as enable_shadow_vmcs=1)
          --perf-after FILE      the report after it (default: recorded now with perf when it can be, else none;
                                 on the test driver both default to the sample reports in Resources/)
          --perf-seconds N       how long to record VM exits with perf kvm stat (default 10)
          --out DIR              also write network.xml, l1.xml and l2.xml (and a recorded perf report) to DIR
          --verbose              print stack traces with errors
        """;

    public string Connect { get; init; } = "test:///default";
    public string Network { get; init; } = "nested-bridge";
    public string L1 { get; init; } = "nested-L1";
    public string Lun { get; init; } = "/dev/sdb";
    public bool SkipDeviceCheck { get; init; }
    public string L2 { get; init; } = "nested-L2";
    public DataSize Memory { get; init; } = DataSize.FromMebibytes(16000);
    public int Vcpus { get; init; } = 4;
    public string Iso { get; init; } = "/var/lib/libvirt/images/debian-12-netinst.iso";
    public string Disk { get; init; } = "/dev/sda2";
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(60);
    public string? PerfBefore { get; init; }
    public string? PerfAfter { get; init; }
    public int PerfSeconds { get; init; } = 10;
    public bool WriteModprobe { get; init; }
    public string HostRoot { get; init; } = "/";
    public bool DryRun { get; init; }
    public string? OutDirectory { get; init; }
    public bool Verbose { get; init; }
    public bool Help { get; init; }

    public bool IsTestDriver => Connect.StartsWith("test:", StringComparison.Ordinal);

    /// <summary>Parses the arguments and checks every value (<see cref="Problems"/>), so that nothing is changed with a
    /// value that would fail half-way through.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or a value is malformed; the message has
    /// one line per problem.</exception>
    public static LabOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LabOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--connect" or "-c" => options with { Connect = Value() },
                "--network" or "-w" => options with { Network = Value() },
                "--l1" => options with { L1 = Value() },
                "--lun" => options with { Lun = Value() },
                "--skip-device-check" => options with { SkipDeviceCheck = true },
                "--l2" or "-n" => options with { L2 = Value() },
                "--memory" or "-r" => options with { Memory = ParseMemory(Value()) },
                "--vcpus" => options with { Vcpus = ParsePositive(name, Value()) },
                "--iso" or "-l" => options with { Iso = Value() },
                "--disk" => options with { Disk = Value() },
                "--wait" => options with { Wait = TimeSpan.FromSeconds(ParsePositive(name, Value())) },
                "--write-modprobe" => options with { WriteModprobe = true },
                "--host-root" => options with { HostRoot = Value() },
                "--dry-run" => options with { DryRun = true },
                "--perf-before" => options with { PerfBefore = Value() },
                "--perf-after" => options with { PerfAfter = Value() },
                "--perf-seconds" => options with { PerfSeconds = ParsePositive(name, Value()) },
                "--out" => options with { OutDirectory = Value() },
                "--verbose" or "-v" => options with { Verbose = true },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        var problems = options.Help ? [] : options.Problems();
        return problems.Count == 0 ? options : throw new ArgumentException(string.Join('\n', problems));
    }

    /// <summary>Every malformed value, one message each; empty when all are fine.</summary>
    public IReadOnlyList<string> Problems()
    {
        string?[] problems =
        [
            ArgumentChecks.ConnectionUri("--connect", Connect),
            ArgumentChecks.Name("--network", Network),
            ArgumentChecks.Name("--l1", L1),
            ArgumentChecks.Name("--l2", L2),
            L1 == L2 ? $"--l1 and --l2 both name '{L1}': L2 runs inside L1 and needs a name of its own." : null,
            ArgumentChecks.DevicePath("--lun", Lun),
            ArgumentChecks.AbsolutePath("--iso", Iso),
            ArgumentChecks.AbsolutePath("--disk", Disk),
            Disk == Lun ? $"--disk and --lun both name {Disk}: L2's disk and the LUN passed to L1 must differ." : null,
            Memory.Bytes % 1024 != 0 || Memory.Bytes < MinimumMemoryBytes
                ? $"--memory {Memory.Bytes} bytes: give at least 1 MiB, in whole KiB (libvirt counts memory in KiB)." : null,
            Vcpus > MaximumVcpus ? $"--vcpus {Vcpus}: libvirt's schema allows at most {MaximumVcpus}." : null,
            PerfBefore is null ? null : ArgumentChecks.ReadableFile("--perf-before", PerfBefore),
            PerfAfter is null ? null : ArgumentChecks.ReadableFile("--perf-after", PerfAfter),
            PerfSeconds > 3600 ? $"--perf-seconds {PerfSeconds}: record for at most an hour (3600)." : null,
            OutDirectory is null ? null : ArgumentChecks.OutputDirectory("--out", OutDirectory),
            Directory.Exists(HostRoot) ? null : $"--host-root '{HostRoot}': no such directory.",
        ];
        return problems.OfType<string>().ToList();
    }

    private const ulong MinimumMemoryBytes = 1UL << 20;

    // <vcpu> is libvirt's countCPU: an unsignedShort of at least 1.
    private const int MaximumVcpus = ushort.MaxValue;

    private static int ParsePositive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} needs a positive whole number, not '{value}'.");

    // virt-install's -r is in MiB, so a bare number here is MiB too (said at the call); 16G or 512MiB work as well.
    private static DataSize ParseMemory(string value)
    {
        try
        {
            var size = DataSize.Parse(value, unitOfBareNumbers: "MiB");
            return size.Bytes > 0 ? size : throw new ArgumentException("--memory must be more than zero.");
        }
        catch (Exception e) when (e is FormatException or LibvirtXmlException)
        {
            // DataSize.Parse reports a malformed or overflowing size as LibvirtXmlValueException.
            throw new ArgumentException($"--memory '{value}': {e.Message}", e);
        }
    }
}
