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
          --write-modprobe       write the modprobe.d remedy for nested KVM (needs root)
          --dry-run              change nothing; print what would change
          --out DIR              also write network.xml, l1.xml and l2.xml to DIR
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
    public bool WriteModprobe { get; init; }
    public bool DryRun { get; init; }
    public string? OutDirectory { get; init; }
    public bool Verbose { get; init; }
    public bool Help { get; init; }

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or the value is malformed.</exception>
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
                "--dry-run" => options with { DryRun = true },
                "--out" => options with { OutDirectory = Value() },
                "--verbose" or "-v" => options with { Verbose = true },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

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
        catch (FormatException e)
        {
            throw new ArgumentException($"--memory: {e.Message}", e);
        }
    }
}
