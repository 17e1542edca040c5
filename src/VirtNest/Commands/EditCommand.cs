using System.CommandLine;
using System.Text.Json;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Cli.Commands;

/// <summary>
/// <c>virt-nest edit DOMAIN|FILE.xml</c>: the L1 edits of the walkthrough, combinable and idempotent. On a connection
/// it is <see cref="LibvirtDomain.Edit"/> (atomic: read, change, define, retried if another process changed the
/// definition meanwhile); on a file it is <see cref="DomainXml.Load(string)"/>, the change and an atomic
/// <see cref="LibvirtXmlDocument.Save(string)"/>, keeping every byte the change does not touch.
/// </summary>
internal sealed class EditCommand
{
    private readonly GlobalOptions global;

    private readonly Argument<string> target = new("target")
    {
        Description = "A domain's name (on --connect), or a domain XML file (a path ending in .xml, or any existing file)",
        HelpName = "DOMAIN|FILE.xml",
    };

    private readonly Option<bool> hostPassthrough = new("--host-passthrough")
    {
        Description = "Give the guest the host's CPU, vmx/svm included: <cpu mode='host-passthrough'/>",
    };

    private readonly Option<bool> virtioScsi = new("--virtio-scsi")
    {
        Description = "Add a virtio-scsi controller unless there is one",
    };

    private readonly Option<string[]> lun = new("--lun")
    {
        Description = "Pass a host block device through as a SCSI LUN on virtio-scsi (adds the controller, picks a free sdX and unit); repeatable",
        HelpName = "PATH",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string[]> network = new("--network")
    {
        Description = "Add a virtio NIC on this libvirt network unless the guest has one there; repeatable",
        HelpName = "NAME",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> deviceCheck = new("--device-check")
    {
        Description = "Block-device safety check for --lun (not mounted, not swap, no mounted partition or holder): auto runs it when the " +
            "domain lives on this machine and says why not otherwise; require fails when it cannot run (on a file it checks this machine); skip",
        HelpName = "auto|require|skip",
        DefaultValueFactory = _ => DeviceCheck.Auto,
    };

    private readonly Option<bool> printDiff = new("--print-diff")
    {
        Description = "Print the change as a unified diff and change nothing (like virt-xml --print-diff)",
    };

    private readonly Option<bool> dryRun = new("--dry-run")
    {
        Description = "Do everything but save or define: say whether anything would change",
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "Print the outcome as JSON: target, kind, changed, applied, diff",
    };

    public EditCommand(GlobalOptions global, CommandCatalog catalog)
    {
        this.global = global;
        deviceCheck.AcceptOnlyFromAmong(DeviceCheck.Auto, DeviceCheck.Require, DeviceCheck.Skip);
        NameCompletions.AddDomains(target, global);
        NameCompletions.AddNetworks(network, global);
        Command = catalog.Add(
            new Command("edit", "Edit a guest (L1) for nesting: host-passthrough CPU, virtio-scsi, a SCSI LUN, a NIC. Atomic on a connection, " +
                "in place and atomic on a file, idempotent: a second run changes nothing.")
            {
                target, hostPassthrough, virtioScsi, lun, network, deviceCheck, printDiff, dryRun, json,
            },
            new Example("virt-nest edit nested-L1 --host-passthrough --virtio-scsi --lun /dev/disk/by-id/wwn-0x5000c500a1b2c3d4",
                "the walkthrough's L1 edit on the default connection, with the block-device safety check"),
            new Example("virt-nest -c test:///default edit test --host-passthrough --print-diff", "show the change as a diff; change nothing"),
            new Example("virt-nest edit guest.xml --host-passthrough --network nested-bridge", "edit a domain XML file in place"),
            new Example("virt-nest edit guest.xml --lun /dev/sdb --device-check require", "check /dev/sdb on this machine before adding it"));
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parseResult)
    {
        var context = new CommandContext(parseResult, global);
        var request = new EditRequest(
            context.Get(hostPassthrough), context.Get(virtioScsi), context.Get(lun) ?? [], context.Get(network) ?? []);
        if (!request.HasAny)
        {
            throw new UsageException("edit: nothing to do: give at least one of --host-passthrough, --virtio-scsi, --lun PATH, --network NAME.");
        }

        var name = context.Get(target);
        var outcome = IsFile(name) ? EditFile(context, name, request) : EditDomain(context, name, request);
        Report(context, outcome);
        return ExitCodes.Success;
    }

    /// <summary>A path ending in .xml, or any existing file, is a file; anything else names a domain (a name has no '/').</summary>
    private static bool IsFile(string name) => name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.Contains('/') || File.Exists(name);

    private bool WillApply(CommandContext context) => !context.Get(dryRun) && !context.Get(printDiff);

    private EditOutcome EditFile(CommandContext context, string path, EditRequest request)
    {
        var domain = DomainXml.Load(path);
        var verify = DeviceCheck.ForFile(context, path, context.Get(deviceCheck), request.Luns);
        var before = domain.ToXmlString();
        request.Apply(domain, verify);
        var after = domain.ToXmlString();
        var changed = !string.Equals(before, after, StringComparison.Ordinal);
        var apply = changed && WillApply(context);
        if (apply)
        {
            domain.Save(path);
        }

        return new EditOutcome(path, "file", changed, apply, changed ? XmlTextDiff.Unified(before, after, path, path) : string.Empty);
    }

    private EditOutcome EditDomain(CommandContext context, string name, EditRequest request)
    {
        using var connection = context.Open();
        using var domain = Lookup.Domain(connection, name);
        var verify = DeviceCheck.ForConnection(context, connection, context.Get(deviceCheck), request.Luns);
        var result = domain.Edit(xml => request.Apply(xml, verify), new EditOptions { DryRun = !WillApply(context) });
        return new EditOutcome(name, "domain", result.Changed, result.Applied, result.Diff);
    }

    private void Report(CommandContext context, EditOutcome outcome)
    {
        if (context.Get(json))
        {
            JsonOutput.Write(context.Out, writer => outcome.WriteJson(writer));
            return;
        }

        if (context.Get(printDiff))
        {
            context.Out.Write(outcome.Diff);
            return;
        }

        var what = outcome.Kind == "file" ? outcome.Target : $"Domain '{outcome.Target}'";
        context.Status(!outcome.Changed
            ? $"{what}: already set up; nothing to change."
            : outcome.Applied
                ? outcome.Kind == "file" ? $"{what}: edited and saved." : $"{what} defined with the edit."
                : $"{what}: would change (dry run; --print-diff shows how).");
    }

    private sealed record EditOutcome(string Target, string Kind, bool Changed, bool Applied, string Diff)
    {
        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("target", Target);
            writer.WriteString("kind", Kind);
            writer.WriteBoolean("changed", Changed);
            writer.WriteBoolean("applied", Applied);
            writer.WriteString("diff", Diff);
            writer.WriteEndObject();
        }
    }
}
