using System.Xml.Linq;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Samples.NestedStack;

/// <summary>L1 and L2 as <see cref="DomainBuilder"/> makes them, plus what the builder has no method for yet (direct kernel boot files, 9p shares, the serial log, QEMU's user-mode network).</summary>
internal static class StackGuests
{
    private static readonly XNamespace Qemu = "http://libvirt.org/schemas/domain/qemu/1.0";

    /// <summary>
    /// L1: Debian's kernel booted directly with the initramfs that mounts L0's root read-only (9p tag <c>root</c>)
    /// under a tmpfs overlay, the writable share (tag <c>lvshare</c>) for logs and commands, and the only network
    /// path to L0: QEMU's user-mode network with <c>restrict=on</c>, forwarding 127.0.0.1:<paramref name="port"/>
    /// (in the sandbox's namespace) to libvirtd in L1.
    /// </summary>
    public static DomainXml L1(StackOptions options, string type, int port)
    {
        var domain = new DomainBuilder(options.L1Name)
            .WithType(type)
            .WithMemory(DataSize.FromMebibytes(2048))
            .WithVcpus(2)
            .WithSerialConsole()
            .Build();
        var os = domain.GetOrAddOs();
        os.Kernel = Path.Combine(options.Work, "vmlinuz");
        os.Initrd = Path.Combine(options.Work, "l1-initrd.img");
        os.Cmdline = "console=ttyS0 panic=-1 loglevel=4 lv.init=/lvshare/l1-init.sh";
        var devices = domain.Element.Element("devices")!;
        devices.Add(
            Share("/", "root", readOnly: true),
            Share(options.Share, "lvshare", readOnly: false),
            new XElement("memballoon", new XAttribute("model", "none")));
        SerialLog(domain, Path.Combine(options.Share, "l1-serial.log"));
        domain.Element.SetAttributeValue(XNamespace.Xmlns + "qemu", Qemu.NamespaceName);
        domain.Element.Add(new XElement(
            Qemu + "commandline",
            Arg("-netdev"),
            Arg($"user,id=lvn0,restrict=on,hostfwd=tcp:127.0.0.1:{port}-10.0.2.15:16509"),
            Arg("-device"),
            Arg("virtio-net-pci,netdev=lvn0,bus=pcie.0,addr=0x10")));  // a slot libvirt leaves free on q35
        return domain;
    }

    /// <summary>L2: a small KVM guest of L1 on the walkthrough's network, booting the same kernel with a busybox initramfs that reports what it sees on its serial console.</summary>
    public static DomainXml L2(StackOptions options)
    {
        var domain = new DomainBuilder(options.L2Name)
            .WithType("kvm")
            .WithMemory(DataSize.FromMebibytes(256))
            .WithVcpus(1)
            .WithNetworkInterface(options.Network)
            .WithSerialConsole()
            .Build();
        var os = domain.GetOrAddOs();
        os.Kernel = Path.Combine(options.Work, "vmlinuz");
        os.Initrd = Path.Combine(options.Work, "l2-initrd.img");
        os.Cmdline = "console=ttyS0 panic=-1 loglevel=3";
        domain.Element.Element("devices")!.Add(new XElement("memballoon", new XAttribute("model", "none")));
        // Inside L1 the writable share is mounted at /lvshare: L0 reads L2's console from it.
        SerialLog(domain, "/lvshare/l2-console.log");
        return domain;
    }

    // <filesystem type='mount' accessmode='passthrough'>: QEMU's virtio-9p; multidevs='remap' because L0's root spans several file systems.
    private static XElement Share(string source, string tag, bool readOnly) => new(
        "filesystem",
        new XAttribute("type", "mount"),
        new XAttribute("accessmode", "passthrough"),
        new XAttribute("multidevs", "remap"),
        new XElement("driver", new XAttribute("type", "path")),
        new XElement("source", new XAttribute("dir", source)),
        new XElement("target", new XAttribute("dir", tag)),
        readOnly ? new XElement("readonly") : null);

    private static void SerialLog(DomainXml domain, string file) =>
        domain.Element.Element("devices")!.Element("serial")!.Add(new XElement("log", new XAttribute("file", file), new XAttribute("append", "off")));

    private static XElement Arg(string value) => new(Qemu + "arg", new XAttribute("value", value));
}
