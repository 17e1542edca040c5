using System.Diagnostics;
using NUnit.Framework;

namespace LibvirtNested.Testing;

/// <summary>
/// libvirt's own RelaxNG schemas (<c>/usr/share/libvirt/schemas</c>, package libvirt0) as the oracle, run through
/// one <c>xmllint --relaxng</c> process per batch of documents so that thousands of documents validate in seconds.
/// <c>virt-xml-validate</c> does the same for one file at a time.
/// </summary>
public static class RelaxNg
{
    /// <summary>The folder of libvirt's schemas.</summary>
    public const string SchemaFolder = "/usr/share/libvirt/schemas";

    /// <summary>
    /// Validates documents against a libvirt schema. Fails (CI) or skips (elsewhere) the calling test when
    /// xmllint or the schemas are missing.
    /// </summary>
    /// <param name="schema">Schema name without extension: <c>domain</c>, <c>network</c>, <c>capability</c>, <c>domaincaps</c>, <c>storagevol</c>, …</param>
    /// <param name="documents">Name (for messages) and XML text of each document.</param>
    /// <returns>For each document that fails: its name and xmllint's messages. Empty when all pass.</returns>
    public static IReadOnlyDictionary<string, string> Validate(string schema, IEnumerable<(string Name, string Xml)> documents)
    {
        var schemaPath = Path.Combine(SchemaFolder, schema + ".rng");
        Require(File.Exists(schemaPath) && File.Exists("/usr/bin/xmllint"),
            $"libvirt's schemas ({schemaPath}) and xmllint are needed: apt-get install libvirt0 libxml2-utils (scripts/install-prerequisites.sh does).");

        var folder = Directory.CreateTempSubdirectory("lvn-relaxng-");
        try
        {
            var names = new Dictionary<string, string>();
            var index = 0;
            foreach (var (name, xml) in documents)
            {
                var file = Path.Combine(folder.FullName, $"{index++:D5}.xml");
                File.WriteAllText(file, xml);
                names[file] = name;
            }

            var failures = new Dictionary<string, string>();
            foreach (var batch in names.Keys.Chunk(400))
            {
                var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
                start.ArgumentList.Add("--noout");
                start.ArgumentList.Add("--relaxng");
                start.ArgumentList.Add(schemaPath);
                foreach (var file in batch)
                {
                    start.ArgumentList.Add(file);
                }

                using var process = Process.Start(start)!;
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEnd();
                process.WaitForExit();
                _ = stdout.Result;
                foreach (var file in batch)
                {
                    if (stderr.Contains(file + " fails to validate", StringComparison.Ordinal) || !stderr.Contains(file + " validates", StringComparison.Ordinal))
                    {
                        var lines = stderr.Split('\n').Where(l => l.StartsWith(file, StringComparison.Ordinal));
                        failures[names[file]] = string.Join("\n", lines).Replace(file, names[file], StringComparison.Ordinal);
                    }
                }
            }

            return failures;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Validates one document; see <see cref="Validate(string, IEnumerable{ValueTuple{string, string}})"/>.</summary>
    /// <param name="schema">Schema name without extension.</param>
    /// <param name="xml">The document.</param>
    /// <returns>xmllint's messages, or <see langword="null"/> when the document is valid.</returns>
    public static string? Validate(string schema, string xml) =>
        Validate(schema, [("document", xml)]).GetValueOrDefault("document");

    /// <summary>Fails on CI, skips elsewhere, when <paramref name="condition"/> is false.</summary>
    /// <param name="condition">Whether the prerequisite is there.</param>
    /// <param name="message">What is missing and how to get it.</param>
    public static void Require(bool condition, string message)
    {
        if (condition)
        {
            return;
        }

        if (RepositoryPaths.IsCi)
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
    }
}
