using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests;

public class XmlTextDiffTests
{
    [Test]
    public void Equal_texts_have_an_empty_diff()
    {
        Assert.That(XmlTextDiff.Unified("a\nb\n", "a\nb\n", "x", "y"), Is.Empty);
    }

    [Test]
    public void A_changed_line_gives_a_unified_hunk_with_three_lines_of_context()
    {
        var before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        var diff = XmlTextDiff.Unified(before, after, "a", "b");

        Assert.That(diff, Is.EqualTo("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"));
    }

    [Test]
    public void Insertions_at_the_start_and_far_apart_changes_make_separate_hunks()
    {
        var before = string.Join('\n', Enumerable.Range(1, 30)) + "\n";
        var afterLines = Enumerable.Range(1, 30).Select(i => i.ToString()).ToList();
        afterLines.Insert(0, "new-first");
        afterLines[25] = "changed";
        var after = string.Join('\n', afterLines) + "\n";

        var diff = XmlTextDiff.Unified(before, after, "a", "b");

        Assert.That(Regex.Matches(diff, "^@@ ", RegexOptions.Multiline), Has.Count.EqualTo(2));
        Assert.That(diff, Does.Contain("@@ -0,0 +1,1 @@").Or.Contain("@@ -1,3 +1,4 @@"));
        Assert.That(Apply(before, diff), Is.EqualTo(after));
    }

    [TestCase("", "a\n")]
    [TestCase("a\n", "")]
    [TestCase("a\nb\nc\n", "c\nb\na\n")]
    [TestCase("<domain>\n  <cpu mode='host-model'/>\n</domain>\n", "<domain>\n  <cpu mode='host-passthrough'/>\n  <devices/>\n</domain>\n")]
    public void Applying_the_diff_to_the_old_text_gives_the_new_text(string before, string after)
    {
        Assert.That(Apply(before, XmlTextDiff.Unified(before, after, "a", "b")), Is.EqualTo(after));
    }

    [Test]
    public void Random_edits_round_trip_through_apply()
    {
        var random = new Random(1234);
        for (var round = 0; round < 200; round++)
        {
            var before = Enumerable.Range(0, random.Next(0, 25)).Select(_ => random.Next(0, 6).ToString()).ToList();
            var after = before.ToList();
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                var kind = random.Next(3);
                if (kind == 0 || after.Count == 0)
                {
                    after.Insert(random.Next(after.Count + 1), "n" + random.Next(9));
                }
                else if (kind == 1)
                {
                    after.RemoveAt(random.Next(after.Count));
                }
                else
                {
                    after[random.Next(after.Count)] = "c" + random.Next(9);
                }
            }

            var beforeText = string.Concat(before.Select(l => l + "\n"));
            var afterText = string.Concat(after.Select(l => l + "\n"));
            Assert.That(Apply(beforeText, XmlTextDiff.Unified(beforeText, afterText, "a", "b")), Is.EqualTo(afterText), $"round {round}");
        }
    }

    [Test]
    public void The_diff_is_minimal_on_random_inputs()
    {
        // Myers finds a shortest edit script: as many removed and added lines as the LCS leaves over (600 cases).
        var random = new Random(4321);
        for (var round = 0; round < 600; round++)
        {
            var a = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(0, 5).ToString()).ToArray();
            var b = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(0, 5).ToString()).ToArray();
            var before = string.Concat(a.Select(l => l + "\n"));
            var after = string.Concat(b.Select(l => l + "\n"));
            var diff = XmlTextDiff.Unified(before, after, "a", "b");
            Assert.That(Apply(before, diff), Is.EqualTo(after), $"round {round}");
            var changed = diff.Split('\n').Skip(2).Count(l => l.Length > 0 && l[0] is '+' or '-');
            Assert.That(changed, Is.EqualTo(a.Length + b.Length - (2 * LongestCommonSubsequence(a, b))), $"round {round}");
        }
    }

    [Test]
    public void Fifty_thousand_line_documents_with_scattered_changes_give_a_correct_diff()
    {
        // Took 46 s and 17.6 GB with the quadratic table; linear space now (timed in the benchmarks, not here).
        var (before, after) = LargeDocuments(50_000, 40);
        var diff = XmlTextDiff.Unified(before, after, "a", "b");
        Assert.That(Apply(before, diff), Is.EqualTo(after));
        Assert.That(diff.Split('\n').Count(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)), Is.EqualTo(40));
    }

    [Test]
    public void Texts_with_nothing_in_common_past_the_work_budget_still_give_an_applicable_diff()
    {
        var before = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"a{i}\n"));
        var after = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"b{i}\n"));
        var diff = XmlTextDiff.Unified(before, after, "a", "b");
        Assert.That(Apply(before, diff), Is.EqualTo(after));
    }

    /// <summary>A document of <paramref name="lines"/> distinct-ish lines and a copy with <paramref name="changes"/> lines changed.</summary>
    internal static (string Before, string After) LargeDocuments(int lines, int changes)
    {
        var a = Enumerable.Range(0, lines).Select(i => $"  <line n='{i % 977}' v='{i % 13}'/>").ToArray();
        var b = a.ToArray();
        var step = lines / changes;
        for (var c = 0; c < changes; c++)
        {
            b[(c * step) + (step / 2)] = $"  <changed n='{c}'/>";
        }

        return (string.Join('\n', a) + "\n", string.Join('\n', b) + "\n");
    }

    private static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        return table[0, 0];
    }

    /// <summary>A minimal unified-diff applier: checks context and removed lines against the old text.</summary>
    private static string Apply(string before, string diff)
    {
        if (diff.Length == 0)
        {
            return before;
        }

        var old = before.Length == 0 ? new List<string>() : before.TrimEnd('\n').Split('\n').ToList();
        var result = new List<string>();
        var position = 0;
        var lines = diff.TrimEnd('\n').Split('\n');
        for (var i = 2; i < lines.Length; i++)
        {
            var header = Regex.Match(lines[i], @"^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$");
            Assert.That(header.Success, Is.True, lines[i]);
            var start = int.Parse(header.Groups[1].Value);
            var oldStart = int.Parse(header.Groups[2].Value) == 0 ? start : start - 1;
            while (position < oldStart)
            {
                result.Add(old[position++]);
            }

            while (i + 1 < lines.Length && !lines[i + 1].StartsWith("@@", StringComparison.Ordinal))
            {
                var line = lines[++i];
                switch (line[0])
                {
                    case ' ':
                        Assert.That(old[position], Is.EqualTo(line[1..]));
                        result.Add(old[position++]);
                        break;
                    case '-':
                        Assert.That(old[position], Is.EqualTo(line[1..]));
                        position++;
                        break;
                    default:
                        result.Add(line[1..]);
                        break;
                }
            }
        }

        while (position < old.Count)
        {
            result.Add(old[position++]);
        }

        var text = new StringBuilder();
        foreach (var line in result)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
