using System.CommandLine;
using LibvirtNested.Cli.Commands;

namespace LibvirtNested.Cli;

/// <summary>The command tree, its examples and its help layout: one definition that help, completion and docs/virt-nest.md share.</summary>
internal sealed class VirtNestCli
{
    public VirtNestCli()
    {
        Root = new RootCommand(
            "virt-nest: nested virtualization on libvirt/KVM from the shell. Checks this machine's readiness, edits the L1 guest " +
            "(host-passthrough, virtio-scsi, a SCSI LUN, a NIC), creates the NAT network and the L2 guest, waits for L2's " +
            "address and compares VM exits. Built on the LibvirtNested library.");
        Global.AddTo(Root);
        Root.Subcommands.Add(new CheckCommand(Global, Catalog).Command);
        Root.Subcommands.Add(new EditCommand(Global, Catalog).Command);
        Root.Subcommands.Add(new NetworkCommand(Global, Catalog).Command);
        Root.Subcommands.Add(new CreateCommand(Global, Catalog).Command);
        Root.Subcommands.Add(new AddrCommand(Global, Catalog).Command);
        Root.Subcommands.Add(new VmExitCommand(Global, Catalog).Command);
        Root.Subcommands.Add(new CompletionCommand(Catalog).Command);
        Root.Subcommands.Add(ReferenceCommand.Create(this));
        Catalog.Add(Root,
            new Example("virt-nest check", "is this machine ready for nested KVM?"),
            new Example("virt-nest -c qemu:///system edit nested-L1 --host-passthrough --virtio-scsi --lun /dev/sdb", "make L1 a nesting guest"));
        HelpLayout.Install(Root, Catalog);
    }

    public RootCommand Root { get; }

    public GlobalOptions Global { get; } = new();

    public CommandCatalog Catalog { get; } = new();
}
