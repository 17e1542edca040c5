using System.CommandLine;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Cli.Commands;

/// <summary>
/// <c>virt-nest create NAME</c>: the guest (L2) as virt-install's options of the walkthrough describe it, built with
/// <see cref="DomainBuilder"/> (kvm, x86_64, q35, ACPI/APIC, serial console), defined and started.
/// </summary>
internal sealed class CreateCommand
{
    private readonly GlobalOptions global;

    private readonly Argument<string> name = new("name") { Description = "The guest's name, e.g. nested-L2", HelpName = "NAME" };

    private readonly Option<string> memory = new("--memory", "-r")
    {
        Description = "Memory: a number of MiB as virt-install's -r, or a size with a unit (16G, 4096MiB)",
        HelpName = "SIZE",
        Required = true,
    };

    private readonly Option<int> vcpus = new("--vcpus")
    {
        Description = "Number of virtual CPUs",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<string?> location = new("--location", "-l")
    {
        Description = "Installer ISO, attached as the first boot CD-ROM (virt-install would also extract its kernel; this does not)",
        HelpName = "ISO",
    };

    private readonly Option<string?> cdrom = new("--cdrom")
    {
        Description = "ISO attached as the first boot CD-ROM",
        HelpName = "ISO",
    };

    private readonly Option<string[]> disks = new("--disk")
    {
        Description = "A disk: a block device (/dev/...) or an image file (qcow2 if it ends in .qcow2, else raw); path=PATH as virt-install " +
            "writes it works too; repeatable",
        HelpName = "PATH",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string[]> networks = new("--network", "-w")
    {
        Description = "A virtio NIC on this libvirt network (network=NAME as virt-install writes it works too); repeatable",
        HelpName = "NAME",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> hostPassthrough = new("--host-passthrough")
    {
        Description = "Give the guest the host's CPU, for a guest that nests further",
    };

    private readonly Option<bool> printXml = new("--print-xml")
    {
        Description = "Print the domain XML and define nothing",
    };

    private readonly Option<bool> noStart = new("--no-start")
    {
        Description = "Define the guest but do not start it",
    };

    public CreateCommand(GlobalOptions global, CommandCatalog catalog)
    {
        this.global = global;
        NameCompletions.AddNetworks(networks, global);
        Command = catalog.Add(
            new Command("create", "Create a guest (L2) as virt-install would with the walkthrough's options: define it and start it.")
            {
                name, memory, vcpus, location, cdrom, disks, networks, hostPassthrough, printXml, noStart,
            },
            new Example("virt-nest create nested-L2 -r 16000 --vcpus 4 -l /var/lib/libvirt/images/debian-12-netinst.iso --disk /dev/sda2 -w nested-bridge",
                "virt-install -n nested-L2 -r 16000 --vcpus=4 -l ISO --disk path=/dev/sda2 -w network=nested-bridge"),
            new Example("virt-nest create nested-L2 --memory 4G --disk /var/lib/libvirt/images/l2.qcow2 --network nested-bridge --print-xml",
                "only print the XML"));
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parseResult)
    {
        var context = new CommandContext(parseResult, global);
        var xml = Build(context);
        if (context.Get(printXml))
        {
            context.Out.WriteLine(xml.ToXmlString());
            return ExitCodes.Success;
        }

        using var connection = context.Open();
        using var domain = connection.DefineDomain(xml);
        context.Status($"Domain '{domain.Name}' defined on {connection.Uri}.");
        if (!context.Get(noStart))
        {
            domain.Start();
            context.Status($"Domain '{domain.Name}' started.");
        }

        return ExitCodes.Success;
    }

    private DomainXml Build(CommandContext context)
    {
        if (context.Get(location) is not null && context.Get(cdrom) is not null)
        {
            throw new UsageException("create: give --location or --cdrom, not both.");
        }

        if (context.Get(vcpus) is < 1 or > 65535)
        {
            throw new UsageException($"--vcpus {context.Get(vcpus)}: a guest has 1 to 65535 vCPUs.");
        }

        var builder = new DomainBuilder(context.Get(name))
            .WithMemory(ParseMemory(context.Get(memory)))
            .WithVcpus(context.Get(vcpus));
        if ((context.Get(location) ?? context.Get(cdrom)) is { } iso)
        {
            builder.WithCdrom(iso);
        }

        foreach (var disk in context.Get(disks) ?? [])
        {
            var path = WithoutKey(disk, "path");
            builder = path.StartsWith("/dev/", StringComparison.Ordinal)
                ? builder.WithBlockDisk(path)
                : builder.WithFileDisk(path, path.EndsWith(".qcow2", StringComparison.Ordinal) ? "qcow2" : "raw");
        }

        foreach (var network in context.Get(networks) ?? [])
        {
            builder.WithNetworkInterface(WithoutKey(network, "network"));
        }

        if (context.Get(hostPassthrough))
        {
            builder.WithHostPassthrough();
        }

        return builder.Build();
    }

    private static DataSize ParseMemory(string text)
    {
        try
        {
            return DataSize.Parse(text, "MiB");
        }
        catch (FormatException e)
        {
            throw new UsageException($"--memory {text}: {e.Message} Write a number of MiB (16000) or a size with a unit (16G, 4096MiB).");
        }
    }

    /// <summary>virt-install writes <c>--disk path=X</c> and <c>-w network=X</c>: accept that spelling too.</summary>
    private static string WithoutKey(string value, string key) =>
        value.StartsWith(key + "=", StringComparison.Ordinal) ? value[(key.Length + 1)..] : value;
}
