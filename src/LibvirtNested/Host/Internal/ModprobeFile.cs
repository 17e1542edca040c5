using System.Text.RegularExpressions;

namespace LibvirtNested.Host.Internal;

/// <summary>Reads the <c>options</c> lines of one modprobe.d file the way kmod does: blank lines and lines whose first
/// non-blank character is <c>#</c> are skipped, a trailing backslash continues the line, fields are split on blanks.</summary>
internal static partial class ModprobeFile
{
    public static IEnumerable<ModprobeOption> ParseOptions(string file, string text)
    {
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var start = index;
            var logical = lines[index].TrimEnd('\r');
            while (logical.EndsWith('\\') && index + 1 < lines.Length)
            {
                index++;
                logical = logical[..^1].TrimEnd() + " " + lines[index].TrimEnd('\r').Trim();
            }

            var trimmed = logical.Trim();
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
                var name = equals < 0 ? fields[f] : fields[f][..equals];
                var value = equals < 0 ? null : fields[f][(equals + 1)..];
                yield return new ModprobeOption(file, start + 1, fields[1], name, value, trimmed);
            }
        }
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Blanks();
}
