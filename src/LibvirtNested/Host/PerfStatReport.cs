using System.Globalization;
using System.Text.RegularExpressions;

namespace LibvirtNested.Host;

/// <summary>The text output of <c>perf stat</c> (default, human-readable format; not <c>-x</c> CSV or <c>-j</c> JSON), for
/// example <c>perf stat -e 'kvm:*' -p PID</c>, parsed into counters. perf prints it on stderr: capture <c>2&gt;&amp;1</c>.
/// Formats follow perf's <c>util/stat-display.c</c>: a <c>Performance counter stats for …:</c> header, one line per counter,
/// and <c>seconds time elapsed</c> / <c>seconds user</c> / <c>seconds sys</c> footers.</summary>
public sealed partial class PerfStatReport
{
    private PerfStatReport(
        string? target,
        IReadOnlyList<PerfStatCounter> counters,
        double? elapsedSeconds,
        double? userSeconds,
        double? systemSeconds,
        IReadOnlyList<PerfUnrecognizedLine> unrecognized)
    {
        Target = target;
        Counters = counters;
        ElapsedSeconds = elapsedSeconds;
        UserSeconds = userSeconds;
        SystemSeconds = systemSeconds;
        UnrecognizedLines = unrecognized;
    }

    /// <summary>What was counted, from the header: e.g. <c>process id '6626'</c>, <c>'system wide'</c>, <c>'sleep 1'</c>.</summary>
    public string? Target { get; }

    /// <summary>The counters in the order perf printed them.</summary>
    public IReadOnlyList<PerfStatCounter> Counters { get; }

    /// <summary>From <c>N seconds time elapsed</c>, or null.</summary>
    public double? ElapsedSeconds { get; }

    /// <summary>From <c>N seconds user</c> (printed when perf ran a command), or null.</summary>
    public double? UserSeconds { get; }

    /// <summary>From <c>N seconds sys</c> (printed when perf ran a command), or null.</summary>
    public double? SystemSeconds { get; }

    /// <summary>Lines that were not recognised (e.g. <c>libtraceevent: …</c> errors perf prints on the same stream).</summary>
    public IReadOnlyList<PerfUnrecognizedLine> UnrecognizedLines { get; }

    /// <summary>The counter for an event, or null.</summary>
    /// <param name="eventName">The event name, e.g. <c>kvm:kvm_exit</c>; compared ordinally.</param>
    /// <returns>The counter or null.</returns>
    public PerfStatCounter? Find(string eventName) => Counters.FirstOrDefault(c => c.Event == eventName);

    /// <summary>Parses the text.</summary>
    /// <param name="text">The text perf printed.</param>
    /// <returns>The report; lines it does not recognise are in <see cref="UnrecognizedLines"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static PerfStatReport Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? target = null;
        double? elapsed = null, user = null, system = null;
        var counters = new List<PerfStatCounter>();
        var unrecognized = new List<PerfUnrecognizedLine>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            Match match;
            if ((match = Header().Match(line)).Success)
            {
                target = match.Groups["target"].Value;
            }
            else if ((match = Footer().Match(line)).Success && TryValue(match.Groups["value"].Value, out var seconds))
            {
                switch (match.Groups["what"].Value)
                {
                    case "time elapsed":
                        elapsed = seconds;
                        break;
                    case "user":
                        user = seconds;
                        break;
                    default:
                        system = seconds;
                        break;
                }
            }
            else if ((match = Counter().Match(line)).Success && ToCounter(match, index + 1) is { } counter)
            {
                counters.Add(counter);
            }
            else
            {
                unrecognized.Add(PerfUnrecognizedLine.Of(index + 1, line));
            }
        }

        return new PerfStatReport(target, counters, elapsed, user, system, unrecognized);
    }

    /// <summary>The counter, or null when a number in it does not parse (e.g. <c>1.2.3</c>): the line is then unrecognised.</summary>
    private static PerfStatCounter? ToCounter(Match match, int lineNumber)
    {
        var raw = match.Groups["value"].Value;
        var counted = !raw.StartsWith('<');
        double value = 0;
        if (counted && !TryValue(raw, out value))
        {
            return null;
        }

        var rest = match.Groups["rest"].Value;
        double? variance = null, running = null;
        string? comment = null;
        var varianceMatch = Variance().Match(rest);
        if (varianceMatch.Success)
        {
            variance = TryValue(varianceMatch.Groups["v"].Value, out var v) ? v : null;
            rest = rest.Remove(varianceMatch.Index, varianceMatch.Length);
        }

        var runningMatch = Running().Match(rest);
        if (runningMatch.Success)
        {
            running = TryValue(runningMatch.Groups["v"].Value, out var r) ? r : null;
            rest = rest.Remove(runningMatch.Index, runningMatch.Length);
        }

        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0 && rest[(hash + 1)..].Trim() is { Length: > 0 } text)
        {
            comment = text;
        }

        return new PerfStatCounter
        {
            Event = match.Groups["event"].Value,
            Value = counted ? value : null,
            Unit = match.Groups["unit"].Success ? match.Groups["unit"].Value : null,
            Status = counted ? null : raw.Trim('<', '>'),
            Comment = comment,
            VariancePercent = variance,
            RunningPercent = running,
            LineNumber = lineNumber,
        };
    }

    /// <summary>Parses a number perf printed, thousands separators removed; false for text such as <c>1.2.3</c>. Never throws:
    /// digits beyond a double's range give infinity.</summary>
    private static bool TryValue(string text, out double value) =>
        double.TryParse(
            text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal),
            NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out value);

    [GeneratedRegex(@"^\s*Performance counter stats for (?<target>.+?):\s*$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*(?<value>\d[\d,.]*)(?:\s+\+-\s+[\d.]+)?\s+seconds\s+(?<what>time elapsed|user|sys)(?:\s+\(\s*\+-\s*[\d.]+%\s*\))?\s*$")]
    private static partial Regex Footer();

    [GeneratedRegex(@"^\s*(?<value><not counted>|<not supported>|\d[\d,.']*)\s+(?:(?<unit>msec|usec|nsec|ns|us|ms|sec|Joules|MiB|KiB|GiB|W)\s+)?(?<event>[A-Za-z_][^\s#]*)(?<rest>(?:\s.*)?)$")]
    private static partial Regex Counter();

    [GeneratedRegex(@"\(\s*\+-\s*(?<v>[\d.]+)%\s*\)")]
    private static partial Regex Variance();

    [GeneratedRegex(@"\((?<v>[\d.]+)%\)\s*$")]
    private static partial Regex Running();
}
