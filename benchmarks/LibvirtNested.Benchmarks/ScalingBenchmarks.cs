using System.Text;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// Issue 8, defects 1 and 6: inputs that were quadratic or crashed. A unified diff of two 50,000-line documents with
/// 40 scattered changes (was 46 s and 17.6 GB); an element with 100,000 attributes (was 8 s against XDocument's
/// 0.3 s); a 20,000-deep document, now refused at level 257 (parse was quadratic in depth, and writing it
/// overflowed the stack). Quick mode: <c>scaling [rounds]</c>.
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    public static readonly (string Before, string After) LargeDiff = MakeLargeDiff(50_000, 40);
    public static readonly string ManyAttributes = MakeManyAttributes(100_000);
    public static readonly string Deep = MakeDeep(20_000);

    [Benchmark(Description = "XmlTextDiff.Unified, 50k lines, 40 changes")]
    public int Diff50kLines() => XmlTextDiff.Unified(LargeDiff.Before, LargeDiff.After).Length;

    [Benchmark(Description = "XDocument.Parse, 100k attributes")]
    public int XDocumentManyAttributes() => XDocument.Parse(ManyAttributes, LoadOptions.PreserveWhitespace).Root!.Attributes().Count();

    [Benchmark(Description = "DomainXml.Parse, 100k attributes")]
    public int DomainXmlManyAttributes() => DomainXml.Parse(ManyAttributes).Element.Attributes().Count();

    [Benchmark(Description = "DomainXml.Parse, 20k deep (refused)")]
    public int DomainXmlDeepRefused()
    {
        try
        {
            DomainXml.Parse(Deep);
            return 0;
        }
        catch (LibvirtXmlParseException e)
        {
            return e.LineNumber;
        }
    }

    private static (string, string) MakeLargeDiff(int lines, int changes)
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

    private static string MakeManyAttributes(int count)
    {
        var text = new StringBuilder("<domain");
        for (var i = 0; i < count; i++)
        {
            text.Append(" a").Append(i).Append("='").Append(i).Append('\'');
        }

        return text.Append("/>").ToString();
    }

    private static string MakeDeep(int depth)
    {
        var text = new StringBuilder("<domain>");
        for (var i = 1; i < depth; i++)
        {
            text.Append("<e>");
        }

        for (var i = 1; i < depth; i++)
        {
            text.Append("</e>");
        }

        return text.Append("</domain>").ToString();
    }
}
