namespace LibvirtNested.Benchmarks;

/// <summary>The texts of every schema-valid domain document under <c>domain/valid/</c>, read once.</summary>
public static class DomainCorpus
{
    private static readonly Lazy<string[]> TextsLazy = new(Load);

    public static string[] Texts => TextsLazy.Value;

    public static long TotalChars => Texts.Sum(t => (long)t.Length);

    private static string[] Load()
    {
        var root = BenchPaths.CorpusRoot;
        var lines = File.ReadAllLines(Path.Combine(root, "manifest.tsv"));
        var header = lines[0].Split('\t');
        int path = Array.IndexOf(header, "path"), kind = Array.IndexOf(header, "kind"), valid = Array.IndexOf(header, "schema_valid");
        return lines.Skip(1)
            .Select(line => line.Split('\t'))
            .Where(c => c[kind] == "domain" && c[valid] == "yes" && c[path].StartsWith("domain/valid/", StringComparison.Ordinal))
            .Select(c => File.ReadAllText(Path.Combine(root, c[path])))
            .ToArray();
    }
}
