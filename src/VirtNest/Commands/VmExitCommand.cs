using System.CommandLine;
using System.Text.Json;
using LibvirtNested.Host;

namespace LibvirtNested.Cli.Commands;

/// <summary>
/// <c>virt-nest vmexit compare BEFORE AFTER</c>: two <c>perf kvm stat report --event=vmexit</c> outputs
/// (<see cref="PerfKvmStatReport.Parse"/>) compared reason by reason (<see cref="VmExitComparison.Compare(PerfKvmStatReport, PerfKvmStatReport)"/>).
/// </summary>
internal sealed class VmExitCommand
{
    private readonly GlobalOptions global;

    private readonly Argument<string> before = new("before")
    {
        Description = "The report before the change: perf kvm stat report --event=vmexit 2> before.txt",
        HelpName = "BEFORE",
    };

    private readonly Argument<string> after = new("after") { Description = "The report after the change", HelpName = "AFTER" };

    private readonly Option<bool> json = new("--json")
    {
        Description = "Print the comparison as JSON: totals and one row per exit reason",
    };

    public VmExitCommand(GlobalOptions global, CommandCatalog catalog)
    {
        this.global = global;
        var compare = catalog.Add(
            new Command("compare", "Compare VM exits per reason between two perf kvm stat reports, e.g. before and after enable_shadow_vmcs=1: " +
                "counts before and after, difference and change, and the totals.")
            {
                before, after, json,
            },
            new Example("virt-nest vmexit compare before.txt after.txt", "the table"),
            new Example("virt-nest vmexit compare before.txt after.txt --json | jq '.rows[] | select(.name == \"VMREAD\")'", "one reason, as JSON"));
        compare.SetAction(Compare);
        Command = catalog.Add(
            new Command("vmexit", "VM-exit statistics from perf kvm stat") { compare },
            new Example("perf kvm stat record -a sleep 10 && perf kvm stat report --event=vmexit 2> before.txt", "record a report on L0"),
            new Example("virt-nest vmexit compare before.txt after.txt", "compare two reports"));
    }

    public Command Command { get; }

    private int Compare(ParseResult parseResult)
    {
        var context = new CommandContext(parseResult, global);
        var comparison = VmExitComparison.Compare(Read(context.Get(before)), Read(context.Get(after)));
        if (context.Get(json))
        {
            JsonOutput.Write(context.Out, writer => WriteJson(writer, comparison));
        }
        else
        {
            context.Out.WriteLine(comparison);
        }

        return ExitCodes.Success;
    }

    private static PerfKvmStatReport Read(string path)
    {
        var report = PerfKvmStatReport.Parse(File.ReadAllText(path));
        return report.Rows.Count > 0
            ? report
            : throw new CommandFailedException(ExitCodes.Failed, $"{path}: no VM-exit rows found; is it the output of perf kvm stat report --event=vmexit (written to stderr, so 2> FILE)?");
    }

    private static void WriteJson(Utf8JsonWriter writer, VmExitComparison comparison)
    {
        writer.WriteStartObject();
        writer.WriteNumber("totalBefore", comparison.TotalBefore);
        writer.WriteNumber("totalAfter", comparison.TotalAfter);
        writer.WriteStartArray("rows");
        foreach (var row in comparison.Rows)
        {
            writer.WriteStartObject();
            writer.WriteString("name", row.Name);
            writer.WriteNumber("before", row.Before);
            writer.WriteNumber("after", row.After);
            writer.WriteNumber("difference", row.Difference);
            if (row.ChangePercent is { } percent)
            {
                writer.WriteNumber("changePercent", Math.Round(percent, 2));
            }
            else
            {
                writer.WriteNull("changePercent");
            }

            writer.WriteNumber("eliminated", row.Eliminated);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
