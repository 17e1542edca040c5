namespace LibvirtNested.Xml.Domain;

/// <summary>The order in which libvirt's formatter writes domain elements; <see cref="Internal.ChildOrder"/> places new ones by it.</summary>
internal static class DomainChildOrder
{
    /// <summary>The children of <c>&lt;domain&gt;</c> in the order libvirt's formatter writes them.</summary>
    public static readonly IReadOnlyList<string> Domain =
    [
        "name", "uuid", "genid", "title", "description", "metadata", "maxMemory", "memory", "currentMemory",
        "blkiotune", "memtune", "memoryBacking", "vcpu", "vcpus", "iothreads", "iothreadids", "defaultiothread",
        "cputune", "numatune", "resource", "sysinfo", "bootloader", "bootloader_args", "os", "idmap", "features",
        "cpu", "clock", "on_poweroff", "on_reboot", "on_crash", "on_lockfailure", "pm", "perf", "devices",
        "seclabel", "keywrap", "launchSecurity",
    ];

    /// <summary>The children of <c>/domain/os</c> in libvirt's order.</summary>
    public static readonly IReadOnlyList<string> Os =
    [
        "type", "firmware", "init", "initarg", "initenv", "initdir", "inituser", "initgroup", "loader", "nvram",
        "kernel", "initrd", "cmdline", "dtb", "root", "acpi", "boot", "bootmenu", "smbios", "bios",
    ];

    /// <summary>The children of <c>/domain/cpu</c> in libvirt's order.</summary>
    public static readonly IReadOnlyList<string> Cpu =
    [
        "model", "vendor", "topology", "cache", "maxphysaddr", "feature", "numa",
    ];
}
