using System.Globalization;
using System.Text.RegularExpressions;

namespace LibvirtNested.Host;

/// <summary>The text output of <c>perf kvm stat report</c> (<c>--event=vmexit|mmio|ioport</c>, <c>--key=sample|time</c>,
/// <c>--vcpu=N</c>) or <c>perf kvm stat live</c>, parsed into typed rows. The formats are those of <c>print_vcpu_info()</c> and
/// <c>print_result()</c> in perf's <c>tools/perf/builtin-kvm.c</c> (name column 20 wide up to perf 6.3, 40 from 6.4; names may
/// contain spaces, e.g. <c>PF excp</c>). perf prints this on stderr: capture <c>2&gt;&amp;1</c>.</summary>
public sealed partial class PerfKvmStatReport
{
    private PerfKvmStatReport(
        string? eventName,
        string? target,
        int? vcpu,
        string? timestamp,
        IReadOnlyList<PerfKvmStatRow> rows,
        long? totalSamples,
        double? totalMicroseconds,
        long? lostEvents,
        IReadOnlyList<PerfUnrecognizedLine> unrecognized)
    {
        EventName = eventName;
        Target = target;
        Vcpu = vcpu;
        Timestamp = timestamp;
        Rows = rows;
        TotalSamples = totalSamples;
        TotalMicroseconds = totalMicroseconds;
        LostEvents = lostEvents;
        UnrecognizedLines = unrecognized;
    }

    /// <summary>The first column's title: <c>VM-EXIT</c>, <c>MMIO Access</c> or <c>IO Port Access</c>; null when no header was
    /// found.</summary>
    public string? EventName { get; }

    /// <summary>What was analysed, from <c>Analyze events for …</c>: <c>all VMs</c> or <c>pid(s) 1234</c>.</summary>
    public string? Target { get; }

    /// <summary>The VCPU of <c>--vcpu=N</c> (<c>Analyze events for …, VCPU N:</c>); null for all VCPUs.</summary>
    public int? Vcpu { get; }

    /// <summary>The time of day <c>perf kvm stat live</c> prints before each report (<c>HH:MM:SS.ffffff</c>), or null.</summary>
    public string? Timestamp { get; }

    /// <summary>The rows in the order perf printed them (sorted by <c>--key</c>).</summary>
    public IReadOnlyList<PerfKvmStatRow> Rows { get; }

    /// <summary>From <c>Total Samples:N, …</c>, or null when the line was missing.</summary>
    public long? TotalSamples { get; }

    /// <summary>From <c>…, Total events handled time:Xus.</c>, microseconds, or null when the line was missing.</summary>
    public double? TotalMicroseconds { get; }

    /// <summary>From <c>Lost events: N</c>, or null when perf lost none.</summary>
    public long? LostEvents { get; }

    /// <summary>Lines that were not recognised (errors and warnings perf mixes into stderr, unknown formats).</summary>
    public IReadOnlyList<PerfUnrecognizedLine> UnrecognizedLines { get; }

    /// <summary>The row for a name (exit reason, address or port), or null when it does not appear.</summary>
    /// <param name="name">The name as perf prints it, e.g. <c>VMREAD</c>; compared ordinally.</param>
    /// <returns>The row or null.</returns>
    public PerfKvmStatRow? Find(string name) => Rows.FirstOrDefault(r => r.Name == name);

    /// <summary>The samples for a name; 0 when it does not appear (perf omits reasons that never happened).</summary>
    /// <param name="name">The name as perf prints it.</param>
    /// <returns>The number of samples.</returns>
    public long SamplesOf(string name) => Find(name)?.Samples ?? 0;

    /// <summary>Parses one report. <c>perf kvm stat live</c> prints a report per interval: this returns the last one
    /// (see <see cref="ParseAll"/>).</summary>
    /// <param name="text">The text perf printed.</param>
    /// <returns>The report; lines it does not recognise are in <see cref="UnrecognizedLines"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static PerfKvmStatReport Parse(string text) => ParseAll(text)[^1];

    /// <summary>Parses every report in the text (one per <c>Analyze events for …</c> line; at least one).</summary>
    /// <param name="text">The text perf printed.</param>
    /// <returns>The reports, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static IReadOnlyList<PerfKvmStatReport> ParseAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reports = new List<PerfKvmStatReport>();
        var builder = new Builder();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = AnsiEscape().Replace(lines[index].TrimEnd('\r'), string.Empty);
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            Match match;
            int? vcpu = null;
            long samples = 0, total = 0, lost = 0;
            if ((match = Analyze().Match(trimmed)).Success && (!match.Groups["vcpu"].Success || TryInt(match.Groups["vcpu"].Value, out vcpu)))
            {
                if (builder.HasContent)
                {
                    reports.Add(builder.Build());
                    builder = new Builder { Timestamp = builder.PendingTimestamp };
                }

                builder.Target = match.Groups["target"].Value;
                builder.Vcpu = vcpu;
                builder.HasContent = true;
            }
            else if (TimeOfDay().IsMatch(trimmed))
            {
                if (builder.Rows.Count > 0 || builder.TotalSamples is not null)
                {
                    builder.PendingTimestamp = trimmed;
                }
                else
                {
                    builder.Timestamp = trimmed;
                }
            }
            else if ((match = Header().Match(line)).Success)
            {
                builder.EventName = match.Groups["event"].Value;
            }
            else if ((match = Row().Match(line)).Success && builder.EventName is not null && TryLong(match.Groups["samples"].Value, out samples))
            {
                builder.Rows.Add(new PerfKvmStatRow
                {
                    Name = match.Groups["name"].Value.Trim(),
                    Samples = samples,
                    SamplesPercent = Number(match.Groups["sp"].Value),
                    TimePercent = Number(match.Groups["tp"].Value),
                    MinMicroseconds = Number(match.Groups["min"].Value),
                    MaxMicroseconds = Number(match.Groups["max"].Value),
                    MeanMicroseconds = Number(match.Groups["mean"].Value),
                    RelativeStdDevPercent = Number(match.Groups["sd"].Value),
                    LineNumber = index + 1,
                });
            }
            else if ((match = Total().Match(trimmed)).Success && TryLong(match.Groups["samples"].Value, out total))
            {
                builder.TotalSamples = total;
                builder.TotalMicroseconds = Number(match.Groups["time"].Value);
            }
            else if ((match = Lost().Match(trimmed)).Success && TryLong(match.Groups["lost"].Value, out lost))
            {
                builder.LostEvents = lost;
            }
            else
            {
                builder.Unrecognized.Add(PerfUnrecognizedLine.Of(index + 1, lines[index].TrimEnd('\r')));
            }
        }

        reports.Add(builder.Build());
        return reports;
    }

    /// <summary>A number the row pattern matched; digits too many for a double become infinity (double parsing rounds, it
    /// never throws for a well-formed number), anything else NaN.</summary>
    internal static double Number(string text) => text.TrimStart('-') switch
    {
        "nan" or "NaN" => double.NaN,
        "inf" => text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN,
    };

    /// <summary>A count perf printed with <c>%llu</c>; one beyond <see cref="long.MaxValue"/> makes its line unrecognised
    /// rather than wrong.</summary>
    private static bool TryLong(string digits, out long value) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool TryInt(string digits, out int? value)
    {
        var parsed = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        value = parsed ? number : null;
        return parsed;
    }

    private const string Float = @"-?(?:\d+(?:\.\d+)?|nan|inf)";

    [GeneratedRegex(@"^Analyze events for (?<target>.+?), (?:all VCPUs|VCPU (?<vcpu>\d+)):$")]
    private static partial Regex Analyze();

    [GeneratedRegex(@"^\s*(?<event>\S.*?)\s+Samples\s+Samples%\s+Time%\s+Min Time\s+Max Time\s+Avg time\s*$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*(?<name>\S.*?)\s+(?<samples>\d+)\s+(?<sp>" + Float + @")%\s+(?<tp>" + Float + @")%\s+(?<min>" + Float
        + @")us\s+(?<max>" + Float + @")us\s+(?<mean>" + Float + @")us\s+\(\s*\+-\s*(?<sd>" + Float + @")%\s*\)\s*$")]
    private static partial Regex Row();

    [GeneratedRegex(@"^Total Samples:(?<samples>\d+), Total events handled time:(?<time>" + Float + @")us\.$")]
    private static partial Regex Total();

    [GeneratedRegex(@"^Lost events: (?<lost>\d+)$")]
    private static partial Regex Lost();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{6}$")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    private sealed class Builder
    {
        public bool HasContent { get; set; }

        public string? EventName { get; set; }

        public string? Target { get; set; }

        public int? Vcpu { get; set; }

        public string? Timestamp { get; set; }

        public string? PendingTimestamp { get; set; }

        public List<PerfKvmStatRow> Rows { get; } = [];

        public long? TotalSamples { get; set; }

        public double? TotalMicroseconds { get; set; }

        public long? LostEvents { get; set; }

        public List<PerfUnrecognizedLine> Unrecognized { get; } = [];

        public PerfKvmStatReport Build() =>
            new(EventName, Target, Vcpu, Timestamp, Rows, TotalSamples, TotalMicroseconds, LostEvents, Unrecognized);
    }
}
