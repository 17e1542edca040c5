using System.CommandLine;
using System.Text.Json;
using LibvirtNested.Host;
using LibvirtNested.Xml;

namespace LibvirtNested.Cli.Commands;

/// <summary>
/// <c>virt-nest check</c>: <see cref="NestedVirtualizationProbe.Run"/> on this machine (or a tree under <c>--root</c>),
/// as text or JSON, with the verdict as exit code; <c>--fix</c> writes the modprobe.d remedy
/// (<see cref="KvmModprobeConfig.WriteRemedy"/>), <c>--fix --dry-run</c> only plans it (<see cref="KvmModprobeConfig.PlanRemedy"/>).
/// </summary>
internal sealed class CheckCommand
{
    private readonly GlobalOptions global;

    private readonly Option<bool> json = new("--json")
    {
        Description = "Print the report as JSON: verdict, role, CPU, modules, findings with evidence and remedy",
    };

    private readonly Option<bool> fix = new("--fix")
    {
        Description = "Write the modprobe.d remedy (options kvm-intel/kvm-amd nested=1 in /etc/modprobe.d), merging into an existing file; " +
            "exit code 0 when written or already there",
    };

    private readonly Option<bool> dryRun = new("--dry-run")
    {
        Description = "With --fix: print what would be written (a diff) and write nothing",
    };

    private readonly Option<string> root = new("--root")
    {
        Description = "Read /proc, /sys, /dev and /etc/modprobe.d under this directory instead of / (a mounted system, a fixture tree)",
        HelpName = "DIR",
        DefaultValueFactory = _ => "/",
    };

    public CheckCommand(GlobalOptions global, CommandCatalog catalog)
    {
        this.global = global;
        Command = catalog.Add(
            new Command("check", "Is this machine ready for nested KVM? Reads /proc/cpuinfo, /sys/module/kvm_*, /dev/kvm and /etc/modprobe.d; " +
                "says whether it is L0 or a guest, what is missing and the remedy. Exit code: 0 ready, 3 not ready, 4 unknown.")
            {
                json, fix, dryRun, root,
            },
            new Example("virt-nest check", "the readiness report; exit code 0, 3 or 4 by verdict"),
            new Example("virt-nest check --json | jq -r .verdict", "the verdict for a script"),
            new Example("virt-nest check --fix --dry-run", "show the modprobe.d change that enables nesting"),
            new Example("sudo virt-nest check --fix", "write it (takes effect when the kvm module is reloaded)"));
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parseResult)
    {
        var context = new CommandContext(parseResult, global);
        if (context.Get(dryRun) && !context.Get(fix))
        {
            throw new UsageException("check: --dry-run goes with --fix (check alone never changes anything).");
        }

        var report = NestedVirtualizationProbe.Run(context.Get(root));
        return context.Get(fix) ? Fix(context, report) : Report(context, report);
    }

    private int Report(CommandContext context, NestedReadinessReport report)
    {
        if (context.Get(json))
        {
            JsonOutput.Write(context.Out, writer => WriteJson(writer, report));
        }
        else
        {
            context.Out.WriteLine(report);
        }

        return ExitCodeOf(report.Verdict);
    }

    /// <summary>The exit code of <c>check</c> for a verdict: 0 ready, 3 not ready, 4 unknown (and any verdict a later library adds).</summary>
    internal static int ExitCodeOf(ReadinessVerdict verdict) => verdict switch
    {
        ReadinessVerdict.Ready => ExitCodes.Success,
        ReadinessVerdict.NotReady => ExitCodes.NotReady,
        _ => ExitCodes.ReadinessUnknown,
    };

    private int Fix(CommandContext context, NestedReadinessReport report)
    {
        if (report.ModprobeRemedyVendor is not { } vendor)
        {
            throw new CommandFailedException(ExitCodes.Failed, report.Role == HostRole.Guest
                ? "check --fix: this machine is a guest ('hypervisor' flag in /proc/cpuinfo): nested KVM is switched on at L0, the host that runs it; run virt-nest check --fix there."
                : "check --fix: no Intel or AMD KVM module or CPU flag found, so there is no kvm_intel or kvm_amd option to write.");
        }

        var dry = context.Get(dryRun);
        var root = context.Get(this.root);
        var result = dry ? KvmModprobeConfig.PlanRemedy(vendor, root) : KvmModprobeConfig.WriteRemedy(vendor, root);
        var diff = result.Changed ? XmlTextDiff.Unified(result.Before ?? string.Empty, result.After, result.Before is null ? "/dev/null" : result.Path, result.Path) : string.Empty;
        if (context.Get(json))
        {
            JsonOutput.Write(context.Out, writer => WriteJson(writer, result, diff));
            return ExitCodes.Success;
        }

        context.Out.WriteLine(result);
        context.Out.Write(diff);
        return ExitCodes.Success;
    }

    private static void WriteJson(Utf8JsonWriter writer, NestedReadinessReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("verdict", Names.Of(report.Verdict));
        writer.WriteString("role", Names.Of(report.Role));
        writer.WriteString("root", report.Root);
        writer.WriteStartObject("cpu");
        writer.WriteString("vendor", Names.Of(report.CpuVendor));
        writer.WriteNullableString("vendorId", report.CpuVendorId);
        writer.WriteBoolean("vmx", report.HasVmx);
        writer.WriteBoolean("svm", report.HasSvm);
        writer.WriteEndObject();
        writer.WriteStartArray("modules");
        foreach (var module in report.Modules)
        {
            writer.WriteStartObject();
            writer.WriteString("name", module.Name);
            writer.WriteString("path", module.Path);
            writer.WriteStartObject("parameters");
            foreach (var (name, value) in module.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("id", finding.Id);
            writer.WriteString("verdict", Names.Of(finding.Verdict));
            writer.WriteBoolean("required", finding.Required);
            writer.WriteString("message", finding.Message);
            writer.WriteNullableString("remedy", finding.Remedy);
            writer.WriteStartArray("evidence");
            foreach (var evidence in finding.Evidence)
            {
                writer.WriteStartObject();
                writer.WriteString("path", evidence.Path);
                writer.WriteString("value", evidence.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("remedies");
        foreach (var remedy in report.Remedies)
        {
            writer.WriteStringValue(remedy);
        }

        writer.WriteEndArray();
        writer.WriteNullableString("modprobeRemedyVendor", report.ModprobeRemedyVendor is { } vendor ? Names.Of(vendor) : null);
        writer.WriteEndObject();
    }

    private static void WriteJson(Utf8JsonWriter writer, ModprobeWriteResult result, string diff)
    {
        writer.WriteStartObject();
        writer.WriteString("path", result.Path);
        writer.WriteString("fullPath", result.FullPath);
        writer.WriteBoolean("changed", result.Changed);
        writer.WriteBoolean("written", result.Written);
        writer.WriteBoolean("created", result.Created);
        writer.WriteStartArray("changes");
        foreach (var change in result.Changes)
        {
            writer.WriteStringValue(change);
        }

        writer.WriteEndArray();
        writer.WriteString("activation", result.Activation);
        writer.WriteString("diff", diff);
        writer.WriteEndObject();
    }
}
