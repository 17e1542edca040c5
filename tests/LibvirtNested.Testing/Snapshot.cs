using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using NUnit.Framework;

namespace LibvirtNested.Testing;

/// <summary>
/// Snapshot assertions with Verify's file conventions: <c>{TestClass}.{TestMethod}.verified.xml</c> beside the
/// test source. A mismatch (or a missing snapshot) writes <c>.received.xml</c> next to it and fails with a
/// unified diff. Snapshots are accepted only when <c>ACCEPT_SNAPSHOTS=1</c> is set locally; never on CI.
/// </summary>
public static class Snapshot
{
    /// <summary>Compares <paramref name="actual"/> with the verified snapshot of the calling test.</summary>
    /// <param name="actual">The text produced by the test.</param>
    /// <param name="name">A suffix that tells several snapshots of one test apart.</param>
    /// <param name="extension">File extension without dot.</param>
    /// <param name="sourceFile">Filled in by the compiler: the calling test's source file.</param>
    public static void Verify(string actual, string? name = null, string extension = "xml", [CallerFilePath] string sourceFile = "")
    {
        var test = TestContext.CurrentContext.Test;
        var className = test.ClassName?[(test.ClassName.LastIndexOf('.') + 1)..] ?? "Test";
        var stem = $"{className}.{test.MethodName}" + (name is null ? string.Empty : "_" + name);
        var folder = Path.GetDirectoryName(sourceFile)!;
        var verifiedPath = Path.Combine(folder, $"{stem}.verified.{extension}");
        var receivedPath = Path.Combine(folder, $"{stem}.received.{extension}");
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;

        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        var accept = !RepositoryPaths.IsCi && Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1";
        if (accept)
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(verified is null
            ? $"No snapshot {Path.GetFileName(verifiedPath)} yet. Received:\n{actual}\n(Review, then run with ACCEPT_SNAPSHOTS=1 to accept.)"
            : $"Snapshot {Path.GetFileName(verifiedPath)} differs:\n{UnifiedDiff(verified, actual)}\n(Received in {receivedPath}; run with ACCEPT_SNAPSHOTS=1 to accept.)");
    }

    /// <summary>A unified-style diff (<c>-</c> removed, <c>+</c> added, two lines of context).</summary>
    /// <param name="expected">The old text.</param>
    /// <param name="actual">The new text.</param>
    /// <returns>The diff.</returns>
    public static string UnifiedDiff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = model.Lines;
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (var j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var builder = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            var prefix = lines[i].Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' };
            builder.Append(prefix).Append(lines[i].Text).Append('\n');
        }

        return builder.ToString();
    }
}
