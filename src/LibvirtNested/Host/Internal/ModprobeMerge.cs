using System.Text;
using System.Text.RegularExpressions;

namespace LibvirtNested.Host.Internal;

/// <summary>Merges <c>name=1</c> settings into the text of a modprobe.d file, touching nothing else: a setting already present
/// with another value is changed in place on its line (every occurrence, so the file does not contradict itself), a missing
/// setting gets its own <c>options module name=1</c> line at the end.</summary>
internal static partial class ModprobeMerge
{
    public static (string Text, IReadOnlyList<string> Changes) Merge(string? existing, string module, IReadOnlyList<string> settings)
    {
        var changes = new List<string>();
        var normalized = ModprobeOption.NormalizeModule(module);
        var lines = existing is null || existing.Length == 0 ? [] : existing.Split('\n').ToList();
        var trailingNewline = existing is null || existing.Length == 0 || existing.EndsWith('\n');
        if (trailingNewline && lines.Count > 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var fields = Fields().Matches(line);
            if (fields.Count < 3 || fields[0].Value != "options" || ModprobeOption.NormalizeModule(fields[1].Value) != normalized
                || (i > 0 && lines[i - 1].TrimEnd('\r').EndsWith('\\')))
            {
                continue;
            }

            // The line is rebuilt once from its pieces: replacing field by field would copy the line once per change,
            // quadratic on a line with thousands of options.
            var edited = new StringBuilder(line.Length);
            var copied = 0;
            var lineChanged = false;
            for (var f = 2; f < fields.Count; f++)
            {
                var field = fields[f].Value;
                var equals = field.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? field : field[..equals];
                if (!settings.Contains(name))
                {
                    continue;
                }

                present.Add(name);
                var value = equals < 0 ? null : field[(equals + 1)..];
                if (value is null || KernelValue.ParseBoolean(value, out _) == true)
                {
                    continue;
                }

                edited.Append(line, copied, fields[f].Index - copied).Append(name).Append("=1");
                copied = fields[f].Index + fields[f].Length;
                lineChanged = true;
                changes.Add($"line {i + 1}: {field} → {name}=1");
            }

            if (!lineChanged)
            {
                continue;
            }

            edited.Append(line, copied, line.Length - copied);
            lines[i] = edited.ToString();
        }

        foreach (var setting in settings.Where(s => !present.Contains(s)))
        {
            var added = $"options {module} {setting}=1";
            lines.Add(added);
            changes.Add("added: " + added);
        }

        var text = string.Join('\n', lines);
        if (lines.Count > 0)
        {
            text += "\n";
        }

        return (changes.Count == 0 && existing is not null ? existing : text, changes);
    }

    [GeneratedRegex(@"[^ \t\r]+")]
    private static partial Regex Fields();
}
