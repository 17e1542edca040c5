using NUnit.Framework;

namespace LibvirtNested.Testing;

/// <summary>
/// libvirt 9.0.0's own test documents (<c>../shared/corpus/libvirt</c> beside the repository, or the folder named
/// by <c>LIBVIRT_CORPUS</c>). They are read where they are, never copied. On CI (<c>CI=true</c>) a missing corpus
/// fails the test; elsewhere the test is skipped and says why.
/// </summary>
public static class Corpus
{
    /// <summary>The environment variable that names the corpus folder.</summary>
    public const string EnvironmentVariable = "LIBVIRT_CORPUS";

    private static readonly Lazy<string?> RootLazy = new(() =>
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var path = string.IsNullOrEmpty(configured)
            ? Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus", "libvirt"))
            : Path.GetFullPath(configured);
        return File.Exists(Path.Combine(path, "manifest.tsv")) ? path : null;
    });

    private static readonly Lazy<IReadOnlyList<CorpusEntry>> EntriesLazy = new(ReadManifest);

    /// <summary>The corpus folder; fails (CI) or skips (elsewhere) the calling test when it is missing.</summary>
    public static string Root => RootLazy.Value ?? Unavailable();

    /// <summary>Every row of <c>manifest.tsv</c>.</summary>
    public static IReadOnlyList<CorpusEntry> Entries => EntriesLazy.Value;

    /// <summary>Rows of one kind (<c>domain</c>, <c>network</c>, <c>capabilities</c>, <c>domaincaps</c>), optionally only schema-valid ones in <c>*/valid/</c> or top-level folders.</summary>
    /// <param name="kind">Document kind.</param>
    /// <param name="validOnly">Only documents that pass the schema and libvirt accepts.</param>
    /// <returns>The rows.</returns>
    public static IEnumerable<CorpusEntry> OfKind(string kind, bool validOnly = false) =>
        Entries.Where(e => e.Kind == kind && (!validOnly || (e.SchemaValid && !e.Path.Contains("/rejected/", StringComparison.Ordinal))));

    /// <summary>The absolute path of a corpus file.</summary>
    /// <param name="relative">Path relative to the corpus root, as in the manifest.</param>
    /// <returns>The absolute path.</returns>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string Unavailable()
    {
        var message = $"The libvirt corpus is missing: set {EnvironmentVariable} or place it at ../shared/corpus/libvirt beside the repository.";
        if (RepositoryPaths.IsCi)
        {
            Assert.Fail(message + " On CI (CI=true) the corpus is required.");
        }

        Assert.Ignore(message);
        throw new InvalidOperationException(message);
    }

    private static List<CorpusEntry> ReadManifest()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "manifest.tsv"));
        var header = lines[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name);
        int path = Column("path"), kind = Column("kind"), valid = Column("schema_valid"), features = Column("features"), fidelity = Column("fidelity");
        return lines.Skip(1)
            .Select(line => line.Split('\t'))
            .Select(c => new CorpusEntry(c[path], c[kind], c[valid] == "yes", Split(c[features]), Split(c[fidelity])))
            .ToList();
    }

    private static string[] Split(string value) => value.Length == 0 ? [] : value.Split(',');
}

/// <summary>One corpus document as described by <c>manifest.tsv</c>.</summary>
/// <param name="Path">Path relative to the corpus root.</param>
/// <param name="Kind">domain, network, capabilities or domaincaps.</param>
/// <param name="SchemaValid">Passes libvirt's RelaxNG schema.</param>
/// <param name="Features">Feature tags (host-passthrough, virtio-scsi, lun, …).</param>
/// <param name="Fidelity">Source-text details (comment, dq-attr, entity-ref, …).</param>
public sealed record CorpusEntry(string Path, string Kind, bool SchemaValid, IReadOnlyList<string> Features, IReadOnlyList<string> Fidelity)
{
    /// <summary>The absolute path.</summary>
    public string FullPath => Corpus.PathOf(Path);

    /// <inheritdoc/>
    public override string ToString() => Path;
}
