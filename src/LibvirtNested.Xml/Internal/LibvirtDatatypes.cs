using System.Globalization;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// The one place that checks a value against the datatype libvirt's RelaxNG schemas give it
/// (<c>/usr/share/libvirt/schemas</c>: basictypes.rng, domaincommon.rng, network.rng, storagecommon.rng), used by
/// every edit, builder and validating setter. Each check returns the value, or throws
/// <see cref="LibvirtXmlValueException"/> naming the parameter, the datatype and the value.
/// </summary>
/// <remarks>
/// Schema patterns are anchored at both ends (XSD regular expressions have no <c>^</c>/<c>$</c>), so the checks
/// walk the characters instead of using <see cref="System.Text.RegularExpressions.Regex"/>, whose <c>$</c> also
/// matches before a final newline. Every string is first checked to be writable XML at all (no NUL, no other C0
/// control character, no U+FFFE/U+FFFF, no lone surrogate) and free of the control characters libvirt's C code
/// refuses or mangles (tab, CR, LF), which the schema's <c>.</c> and <c>[^/\n]</c> would let through.
/// </remarks>
internal static class LibvirtDatatypes
{
    /// <summary>basictypes.rng <c>storageFormat</c> (with <c>storageFormatBacking</c>): the image formats of <c>driver/@type</c>.</summary>
    private static readonly string[] StorageFormats =
        ["raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat", "vhd", "ploop", "luks", "cow", "qcow", "qcow2", "qed", "vmdk"];

    /// <summary>domaincommon.rng <c>hvs</c>: the values of <c>/domain/@type</c>.</summary>
    private static readonly string[] DomainTypes =
        ["qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz", "test", "vmware", "hyperv", "vbox", "phyp", "vz", "bhyve", "hvf"];

    /// <summary>basictypes.rng <c>archnames</c>.</summary>
    private static readonly string[] Architectures =
    [
        "aarch64", "alpha", "armv6l", "armv7l", "cris", "i686", "ia64", "lm32", "m68k", "microblaze", "microblazeel",
        "mips", "mipsel", "mips64", "mips64el", "openrisc", "parisc", "parisc64", "ppc", "ppc64", "ppc64le", "ppcemb",
        "riscv32", "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa", "xtensaeb",
    ];

    /// <summary>basictypes.rng <c>absFilePath</c>, <c>(/|[a-zA-Z]:\\).+</c>, POSIX form: <c>/</c> and at least one more character.</summary>
    public static string AbsFilePath(string value, string parameter)
    {
        Text(value, parameter, "absFilePath");
        if (value.Length == 0 || value.Trim().Length == 0)
        {
            throw Fail(parameter, "absFilePath", value, "it is empty; give an absolute path such as /dev/sdb");
        }

        if (value[0] != '/')
        {
            throw Fail(parameter, "absFilePath", value, "it is not an absolute path; libvirt resolves nothing relative to a directory, so give the full path (such as /dev/sdb or /var/lib/libvirt/images/disk.qcow2)");
        }

        return value.Length >= 2 && value.AsSpan(1).Trim('/').Length > 0
            ? value
            : throw Fail(parameter, "absFilePath", value, "it names the root directory, not a file or device");
    }

    /// <summary>basictypes.rng <c>uniMacAddr</c>, <c>[a-fA-F0-9][02468aAcCeE](:[a-fA-F0-9]{2}){5}</c>: a unicast MAC address.</summary>
    public static string UniMacAddr(string value, string parameter)
    {
        Text(value, parameter, "uniMacAddr");
        var ok = value.Length == 17;
        for (var i = 0; ok && i < value.Length; i++)
        {
            ok = i % 3 == 2 ? value[i] == ':' : char.IsAsciiHexDigit(value[i]);
        }

        if (!ok)
        {
            throw Fail(parameter, "uniMacAddr", value, "write six hexadecimal pairs separated by colons, such as 52:54:00:12:34:56");
        }

        return (Convert.ToByte(value[..2], 16) & 1) == 0
            ? value
            : throw Fail(parameter, "uniMacAddr", value, "it is a multicast address; a NIC needs a unicast one (even first byte, such as 52:54:00:…)");
    }

    /// <summary>basictypes.rng <c>objectNameWithSlash</c> (<c>/domain/name</c>), narrowed as libvirt's define does: not empty, no <c>/</c> (the name becomes a file name), no control characters.</summary>
    public static string ObjectName(string value, string parameter)
    {
        Text(value, parameter, "objectName");
        if (value.Trim().Length == 0)
        {
            throw Fail(parameter, "objectName", value, "it is empty; libvirt needs a name such as nested-L2");
        }

        return value.Contains('/', StringComparison.Ordinal)
            ? throw Fail(parameter, "objectName", value, "it contains '/', which libvirt refuses in a name (the name becomes a file name)")
            : value;
    }

    /// <summary>basictypes.rng <c>deviceName</c>, <c>[a-zA-Z0-9_\.\-\\:/]+</c>: a host device or network name as libvirt references it.</summary>
    public static string DeviceName(string value, string parameter)
    {
        Text(value, parameter, "deviceName");
        return value.Length > 0 && All(value, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '\\' or ':' or '/')
            ? value
            : throw Fail(parameter, "deviceName", value, "use only letters, digits and _ . - \\ : /");
    }

    /// <summary>
    /// The name of a libvirt network as a NIC's <c>source/@network</c> references it: what a network definition
    /// can be named (<see cref="ObjectName"/>: no '/', no control characters, not empty).
    /// </summary>
    public static string NetworkName(string value, string parameter) => ObjectName(value, parameter);

    /// <summary>
    /// <c>deviceName</c> narrowed to what the Linux kernel's <c>dev_valid_name</c> accepts for a network interface
    /// (a bridge or forward device): 1 to 15 bytes (IFNAMSIZ is 16 with the NUL), not "." or "..", no '/', ':' or white space.
    /// </summary>
    public static string InterfaceName(string value, string parameter)
    {
        Text(value, parameter, "deviceName");
        if (value.Length is 0 or > 15)
        {
            throw Fail(parameter, "deviceName", value, $"a Linux interface name has 1 to 15 characters (this has {value.Length.ToString(CultureInfo.InvariantCulture)})");
        }

        if (value is "." or "..")
        {
            throw Fail(parameter, "deviceName", value, "the kernel refuses '.' and '..' as interface names");
        }

        return All(value, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? value
            : throw Fail(parameter, "deviceName", value, "a Linux interface name has no '/', ':' or white space; use letters, digits and _ . -");
    }

    /// <summary>basictypes.rng <c>dnsName</c>, <c>[a-zA-Z0-9\.\-]+</c>: a DNS domain or host name (dnsmasq refuses anything else).</summary>
    public static string DnsName(string value, string parameter)
    {
        Text(value, parameter, "dnsName");
        return value.Length > 0 && All(value, c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
            ? value
            : throw Fail(parameter, "dnsName", value, "use only letters, digits, '.' and '-', such as nested.test");
    }

    /// <summary>domaincommon.rng <c>model/@type</c> of an interface, <c>[a-zA-Z0-9\-_]+</c>: a NIC model such as <c>virtio</c> or <c>e1000e</c>.</summary>
    public static string InterfaceModel(string value, string parameter)
    {
        Text(value, parameter, "interface model type");
        return value.Length > 0 && All(value, c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? value
            : throw Fail(parameter, "interface model type", value, "use only letters, digits, '-' and '_', such as virtio or e1000e");
    }

    /// <summary>domaincommon.rng <c>os/type/@machine</c>, <c>[a-zA-Z0-9_\.\-]+</c>: a machine type such as <c>q35</c> or <c>pc-q35-7.2</c>.</summary>
    public static string Machine(string value, string parameter)
    {
        Text(value, parameter, "machine");
        return value.Length > 0 && All(value, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? value
            : throw Fail(parameter, "machine", value, "use only letters, digits and _ . -, such as q35 or pc-q35-7.2");
    }

    /// <summary>basictypes.rng <c>archnames</c>: a guest architecture such as <c>x86_64</c>.</summary>
    public static string Arch(string value, string parameter) =>
        OneOf(value, parameter, "archnames", Architectures);

    /// <summary>domaincommon.rng <c>hvs</c>: the hypervisor type of <c>/domain/@type</c>, such as <c>kvm</c>.</summary>
    public static string DomainType(string value, string parameter) =>
        OneOf(value, parameter, "domain type (hvs)", DomainTypes);

    /// <summary>storagecommon.rng <c>storageFormat</c>: a disk image format such as <c>qcow2</c> or <c>raw</c>.</summary>
    public static string StorageFormat(string value, string parameter) =>
        OneOf(value, parameter, "storageFormat", StorageFormats);

    /// <summary>domaincommon.rng <c>diskTargetDev</c>, <c>(ioemu:)?(fd|hd|sd|vd|xvd|ubd)[a-zA-Z0-9_]+</c>.</summary>
    public static string DiskTargetDev(string value, string parameter)
    {
        Text(value, parameter, "diskTargetDev");
        var name = value.StartsWith("ioemu:", StringComparison.Ordinal) ? value[6..] : value;
        var prefix = Array.Find(["fd", "hd", "sd", "vd", "xvd", "ubd"], p => name.StartsWith(p, StringComparison.Ordinal));
        return prefix is not null && name.Length > prefix.Length && All(name.AsSpan(prefix.Length), c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? value
            : throw Fail(parameter, "diskTargetDev", value, "libvirt wants a prefix fd, hd, sd, vd, xvd or ubd followed by letters or digits, such as sdb");
    }

    /// <summary>domaincommon.rng <c>target/@bus</c> of a disk: a bus with a known target-name prefix (<c>virtio</c>, <c>scsi</c>, <c>sata</c>, <c>usb</c>, <c>ide</c>, <c>fdc</c>, <c>xen</c>).</summary>
    public static string DiskBus(string value, string parameter)
    {
        Text(value, parameter, "disk bus");
        return value is "virtio" or "scsi" or "sata" or "usb" or "ide" or "fdc" or "xen"
            ? value
            : throw Fail(parameter, "disk bus", value, "use virtio, scsi, sata, usb, ide, fdc or xen (a bus whose target names libvirt knows)");
    }

    /// <summary>domaincommon.rng <c>countCPU</c> (<c>/domain/vcpu</c>): an unsignedShort of at least 1.</summary>
    public static int CountCpu(int value, string parameter) =>
        value is >= 1 and <= ushort.MaxValue
            ? value
            : throw Fail(parameter, "countCPU", value.ToString(CultureInfo.InvariantCulture), $"a guest has 1 to {ushort.MaxValue.ToString(CultureInfo.InvariantCulture)} vCPUs");

    /// <summary>Free text (a title, a host name as <c>&lt;text/&gt;</c>): only checked to be writable XML without control characters.</summary>
    public static string Text(string value, string parameter, string datatype)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                throw Fail(parameter, datatype, value, $"it contains {Describe(c)} at index {i.ToString(CultureInfo.InvariantCulture)}, which {(char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c < ' ' && c is not '\t' and not '\n' and not '\r') ? "XML cannot hold" : "libvirt does not accept here")}");
            }
        }

        return value;
    }

    private static string OneOf(string value, string parameter, string datatype, string[] allowed)
    {
        Text(value, parameter, datatype);
        return Array.IndexOf(allowed, value) >= 0
            ? value
            : throw Fail(parameter, datatype, value, "use one of " + string.Join(", ", allowed));
    }

    private static bool All(ReadOnlySpan<char> value, Func<char, bool> allowed)
    {
        foreach (var c in value)
        {
            if (!allowed(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(char c) => c switch
    {
        '\n' => "U+000A (line feed)",
        '\r' => "U+000D (carriage return)",
        '\t' => "U+0009 (tab)",
        '\0' => "U+0000 (NUL)",
        _ when char.IsSurrogate(c) => $"a lone surrogate U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}",
        _ => $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}",
    };

    private static LibvirtXmlValueException Fail(string parameter, string datatype, string value, string problem) =>
        LibvirtXmlValueException.ForArgument(parameter, datatype, value, problem);
}
