using System.Text;
using System.Text.RegularExpressions;

namespace LibvirtNested.Host.Internal;

/// <summary>Reads the <c>options</c> lines of one modprobe.d file the way kmod does: blank lines and lines whose first
/// non-blank character is <c>#</c> are skipped, a trailing backslash continues the line, fields are split on blanks.</summary>
internal static partial class ModprobeFile
{
    public static IEnumerable<ModprobeOption> ParseOptions(string file, string text)
    {
        var lines = text.Split('\n');
        var logical = new StringBuilder();
        for (var index = 0; index < lines.Length; index++)
        {
            var start = index;
            logical.Clear().Append(lines[index].AsSpan().TrimEnd('\r'));

            // A StringBuilder, not string concatenation: a file of thousands of continued lines stays linear.
            while (logical.Length > 0 && logical[^1] == '\\' && index + 1 < lines.Length)
            {
                index++;
                logical.Length--;
                while (logical.Length > 0 && char.IsWhiteSpace(logical[^1]))
                {
                    logical.Length--;
                }

                logical.Append(' ').Append(lines[index].AsSpan().TrimEnd('\r').Trim());
            }

            var trimmed = logical.ToString().Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var fields = Blanks().Split(trimmed);
            if (fields.Length < 3 || fields[0] != "options")
            {
                continue;
            }

            for (var f = 2; f < fields.Length; f++)
            {
                var equals = fields[f].IndexOf('=', StringComparison.Ordinal);
                yield return new ModprobeOption
                {
                    File = file,
                    LineNumber = start + 1,
                    Module = fields[1],
                    Parameter = equals < 0 ? fields[f] : fields[f][..equals],
                    Value = equals < 0 ? null : fields[f][(equals + 1)..],
                    Line = trimmed,
                };
            }
        }
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Blanks();
}
