using System.CommandLine;

namespace LibvirtNested.Cli;

/// <summary>The options every command takes (<see cref="Option.Recursive"/>): the connection, quiet and debug.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Connect { get; } = new("--connect", "-c")
    {
        Description = "libvirt URI to connect to, e.g. qemu:///system, qemu+ssh://root@l0/system, test:///default " +
            "(default: libvirt's own choice: LIBVIRT_DEFAULT_URI, then uri_default in libvirt.conf, then the local hypervisor)",
        HelpName = "URI",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print no progress or notes on stderr; data and errors are still printed",
        Recursive = true,
    };

    public Option<bool> Debug { get; } = new("--debug")
    {
        Description = "On an error, print the exception with its stack trace after the error paragraph",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Connect);
        root.Options.Add(Quiet);
        root.Options.Add(Debug);
    }
}
