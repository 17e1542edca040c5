using System.Globalization;
using System.Text;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Xml.Tests.Properties;

/// <summary>
/// A seeded generator of the values an adversary or a careless caller hands to edits and builders: good values of
/// every kind, and the same values broken in every way defect 4 of issue 8 listed (control characters, a trailing
/// newline, U+FFFE/U+FFFF, lone surrogates, markup, spaces, empty, very long, relative, "/", non-ASCII) plus numbers
/// at and beyond the schema's limits. Deterministic for a seed, so a failure names the case that reproduces it.
/// </summary>
internal sealed class AdversarialValues(int seed)
{
    private static readonly string[] Paths = ["/dev/sdb", "/dev/sda2", "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4", "/var/lib/libvirt/images/l2.qcow2", "/isos/debian 12.iso", "/images/é.raw", "/a"];
    private static readonly string[] Names = ["nested-L2", "nested_bridge", "default", "L2 guest", "ñandú", "x", "a.b-c_d+e"];
    private static readonly string[] Macs = ["52:54:00:12:34:56", "52:54:00:AB:cd:01", "02:00:00:00:00:01", "01:00:5e:00:00:01", "52-54-00-12-34-56", "52:54:00:12:34"];
    private static readonly string[] Models = ["virtio", "e1000e", "rtl8139", "virtio-net-pci", "ne2k_pci"];
    private static readonly string[] Formats = ["qcow2", "raw", "vmdk", "iso", "qed", "QCOW2", "aio"];
    private static readonly string[] Machines = ["q35", "pc-q35-7.2", "pc-i440fx-9.0", "virt"];
    private static readonly string[] Arches = ["x86_64", "aarch64", "i686", "s390x", "X86_64", "amd64"];
    private static readonly string[] Types = ["kvm", "qemu", "test", "xen", "KVM", "vbox"];
    private static readonly string[] Interfaces = ["virbr1", "virbr-nested-01", "eth0", "br0.100", "enp0s31f6", "virbr-nested-bridge1", ".", ".."];
    private static readonly string[] DnsNames = ["nested.test", "l2-guest", "a", "example.com."];
    private static readonly string[] TargetDevs = ["sdb", "vdc", "hdd", "sdaa", "xvdb", "ioemu:hda", "sd", "zz9", "vd_1"];

    /// <summary>Characters that break a value: every kind the issue names, and some that are fine (é, a surrogate pair).</summary>
    private static readonly string[] Breakers =
    [
        "\0", "\u0001", "\t", "\n", "\r", "\r\n", "\u001f", "\u007f", "\u0085", "\uFFFE", "\uFFFF", "\uD800", "\uDC00",
        "<", ">", "&", "'", "\"", "]]>", " ", "/", ":", "\\", "é", "中", "\U0001F600", "\u00a0", "\u2028",
    ];

    private readonly Random random = new(seed);

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public bool Chance(double p) => random.NextDouble() < p;

    public string Path() => Vary(Paths, ["", " ", "/", "//", "dev/sdb", "./disk", "../x", "~/disk.img", "C:\\disk.img"]);

    public string Name() => Vary(Names, ["", " ", "/", "a/b"]);

    public string Mac() => Vary(Macs, ["", "52:54:00:12:34:56\n", "52:54:00:12:34:567"]);

    public string Model() => Vary(Models, ["", " ", "e1000 e", "<model>"]);

    public string Format() => Vary(Formats, ["", " ", "qcow2 ", "qcow2\n", "'raw'"]);

    public string Machine() => Vary(Machines, ["", "pc q35", "q35\n"]);

    public string Arch() => Vary(Arches, ["", "x86_64\n"]);

    public string DomainType() => Vary(Types, ["", "kvm\n", " kvm"]);

    public string InterfaceName() => Vary(Interfaces, ["", "vir br1", "virbr:1", "vir/br1", new string('v', 15), new string('v', 16)]);

    public string DnsName() => Vary(DnsNames, ["", "nested test", "nested.test\n"]);

    public string? TargetDev() => Chance(0.5) ? null : Vary(TargetDevs, ["", "sdb\n", "sd b"]);

    public string Ipv4() => Chance(0.8)
        ? "192.168.166." + Next(256).ToString(CultureInfo.InvariantCulture)
        : Vary(["10.0.0.5", "192.168.166", "192.168.166.1.2", "::1", "192.168.166.300"], ["", "192.168.166.10\n"]);

    public string Cidr() => Chance(0.8)
        ? Pick(["192.168.166.0/24", "192.168.166.1/24", "10.0.0.0/8", "192.168.166.0/30", "192.168.166.0/255.255.255.0"])
        : Vary(["192.168.166.0/31", "192.168.166.0/33", "192.168.166.0", "2001:db8::/64"], ["", "192.168.166.0/24\n"]);

    public System.Net.IPAddress IpAddress() => Chance(0.9)
        ? System.Net.IPAddress.Parse("192.168.166." + Next(256).ToString(CultureInfo.InvariantCulture))
        : Pick([System.Net.IPAddress.IPv6Loopback, System.Net.IPAddress.Parse("10.0.0.5"), System.Net.IPAddress.Parse("::ffff:192.168.166.20")]);

    public DomainDiskBus? Bus() => Next(10) switch
    {
        < 4 => null,
        < 8 => Pick([DomainDiskBus.Virtio, DomainDiskBus.Scsi, DomainDiskBus.Sata, DomainDiskBus.Ide, DomainDiskBus.Usb, DomainDiskBus.Fdc, DomainDiskBus.Xen, DomainDiskBus.Sd]),
        8 => default(DomainDiskBus),
        _ => new DomainDiskBus(Vary(["virtio", "scsi", "warp"], [""])),
    };

    public int VcpuCount() => Next(8) switch
    {
        0 => Pick([0, -1, int.MinValue, int.MaxValue, 65536, 65535, 1]),
        _ => 1 + Next(64),
    };

    public DataSize Memory() => Next(8) switch
    {
        0 => DataSize.FromBytes(Pick([0UL, 1UL, 1023UL, ulong.MaxValue, (ulong)long.MaxValue + 1])),
        1 => DataSize.FromBytes((ulong)random.NextInt64(1, long.MaxValue)),
        _ => DataSize.FromMebibytes((ulong)(1 + Next(65536))),
    };

    public bool? OptionalBool() => Pick<bool?>([null, true, false]);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A good value most of the time; otherwise a bad one of the kind, or a good one broken.</summary>
    private string Vary(string[] good, string[] bad)
    {
        var roll = Next(20);
        if (roll < 8)
        {
            return Pick(good);
        }

        if (roll < 11)
        {
            return Pick(bad);
        }

        var value = new StringBuilder(Pick(good));
        switch (Next(6))
        {
            case 0:
                value.Append('\n');
                break;
            case 1:
                value.Insert(Next(value.Length + 1), Pick(Breakers));
                break;
            case 2:
                value.Append(Pick(Breakers));
                break;
            case 3:
                value.Insert(0, Pick(Breakers));
                break;
            case 4:
                value.Append('x', 1000 + Next(5000));
                break;
            default:
                for (var i = Next(4); i >= 0; i--)
                {
                    value.Insert(Next(value.Length + 1), Pick(Breakers));
                }

                break;
        }

        return value.ToString();
    }
}
