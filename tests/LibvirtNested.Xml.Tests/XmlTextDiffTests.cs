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
