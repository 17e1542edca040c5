using System.Globalization;
using System.Text;

namespace LibvirtNested.Xml;

/// <summary>
/// A line-based unified diff (<c>diff -u</c> style, three lines of context) for showing what an edit changed in a
/// libvirt document, as <c>EditResult.Diff</c> and the dry run of <c>LibvirtConnection.EditDomain</c> do.
/// Myers' O((N+M)·D) algorithm in linear space (<see cref="MyersDiff"/>), after trimming the common prefix and
/// suffix; past a work budget of about 50 million steps a changed region is shown as removed and re-added as a
/// whole instead (a correct but coarser diff), so no input takes unbounded time or memory. BCL only.
/// </summary>
public static class XmlTextDiff
{
    private const int Context = 3;

    /// <summary>The unified diff from <paramref name="before"/> to <paramref name="after"/>; empty when they are equal.</summary>
    /// <param name="before">The old text, e.g. <c>ToXmlString()</c> before an edit; empty for a new document.</param>
    /// <param name="after">The new text.</param>
    /// <param name="beforeLabel">Name on the <c>---</c> line.</param>
    /// <param name="afterLabel">Name on the <c>+++</c> line.</param>
    /// <returns>The diff, or an empty string.</returns>
    public static string Unified(string before, string after, string beforeLabel = "before", string afterLabel = "after")
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var a = SplitLines(before);
        var b = SplitLines(after);
        var edits = Compute(a, b);
        var text = new StringBuilder();
        text.Append("--- ").Append(beforeLabel).Append('\n');
        text.Append("+++ ").Append(afterLabel).Append('\n');
        foreach (var hunk in Hunks(edits))
        {
            WriteHunk(text, edits, hunk.Start, hunk.End);
        }

        return text.ToString();
    }

    private static string[] SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    private static List<Edit> Compute(string[] a, string[] b)
    {
        var (deleted, inserted) = new MyersDiff(a, b).Run();
        var edits = new List<Edit>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && deleted[x])
            {
                edits.Add(new Edit('-', a[x], x, y));
                x++;
            }
            else if (y < b.Length && inserted[y])
            {
                edits.Add(new Edit('+', b[y], x, y));
                y++;
            }
            else
            {
                edits.Add(new Edit(' ', a[x], x, y));
                x++;
                y++;
            }
        }

        return edits;
    }

    private static IEnumerable<(int Start, int End)> Hunks(List<Edit> edits)
    {
        var start = -1;
        var end = -1;
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == ' ')
            {
                continue;
            }

            var from = Math.Max(0, i - Context);
            var to = Math.Min(edits.Count, i + Context + 1);
            if (start >= 0 && from <= end)
            {
                end = to;
            }
            else
            {
                if (start >= 0)
                {
                    yield return (start, end);
                }

                start = from;
                end = to;
            }
        }

        if (start >= 0)
        {
            yield return (start, end);
        }
    }

    private static void WriteHunk(StringBuilder text, List<Edit> edits, int start, int end)
    {
        var beforeCount = 0;
        var afterCount = 0;
        for (var i = start; i < end; i++)
        {
            beforeCount += edits[i].Kind != '+' ? 1 : 0;
            afterCount += edits[i].Kind != '-' ? 1 : 0;
        }

        var beforeStart = beforeCount == 0 ? edits[start].BeforeIndex : edits[start].BeforeIndex + 1;
        var afterStart = afterCount == 0 ? edits[start].AfterIndex : edits[start].AfterIndex + 1;
        text.Append(CultureInfo.InvariantCulture, $"@@ -{beforeStart},{beforeCount} +{afterStart},{afterCount} @@\n");
        for (var i = start; i < end; i++)
        {
            text.Append(edits[i].Kind).Append(edits[i].Line).Append('\n');
        }
    }

    private readonly record struct Edit(char Kind, string Line, int BeforeIndex, int AfterIndex);
}
