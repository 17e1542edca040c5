using System.Globalization;
using System.Text;

namespace LibvirtNested.Samples;

/// <summary>
/// A small unified line diff for printing what a sample changed. The library computes the same kind of diff for
/// <c>EditDomain</c> (<c>EditResult.Diff</c>) but does not expose its helper, so the samples carry their own.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The unified diff from <paramref name="before"/> to <paramref name="after"/>; empty when they are equal.</summary>
    public static string Create(string before, string after, string beforeLabel, string afterLabel)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var a = Lines(before);
        var b = Lines(after);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char Kind, string Line, int A, int B)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x], x++, y++));
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(('-', a[x], x++, y));
            }
            else
            {
                edits.Add(('+', b[y], x, y++));
            }
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(beforeLabel).Append('\n').Append("+++ ").Append(afterLabel).Append('\n');
        var index = 0;
        while (index < edits.Count)
        {
            var first = edits.FindIndex(index, e => e.Kind != ' ');
            if (first < 0)
            {
                break;
            }

            var start = Math.Max(index, first - Context);
            var end = first;
            while (end < edits.Count)
            {
                var next = edits.FindIndex(end, e => e.Kind != ' ');
                if (next < 0 || next - end > 2 * Context)
                {
                    break;
                }

                end = next + 1;
            }

            end = Math.Min(edits.Count, end + Context);
            var hunk = edits.GetRange(start, end - start);
            var beforeCount = hunk.Count(e => e.Kind != '+');
            var afterCount = hunk.Count(e => e.Kind != '-');
            text.Append(CultureInfo.InvariantCulture, $"@@ -{hunk[0].A + (beforeCount == 0 ? 0 : 1)},{beforeCount} +{hunk[0].B + (afterCount == 0 ? 0 : 1)},{afterCount} @@\n");
            foreach (var edit in hunk)
            {
                text.Append(edit.Kind).Append(edit.Line).Append('\n');
            }

            index = end;
        }

        return text.ToString();
    }

    private static string[] Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }
}
