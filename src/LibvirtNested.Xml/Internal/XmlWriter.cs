using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Writes a tree back the way it was read: the quote style of each attribute, <c>&lt;x/&gt;</c> versus
/// <c>&lt;x&gt;&lt;/x&gt;</c>, every whitespace node, comments, processing instructions and namespace prefixes
/// as declared, and the source text of unchanged nodes that were written with references or unusual spacing
/// (<see cref="XmlSourceText"/>). New and changed values are escaped in the document's own style: libvirt's
/// (both quotes escaped everywhere) when the document was written that way. <c>XDocument.ToString()</c> would
/// re-quote attributes and re-indent; this does not. New elements in a namespace with no declaration in scope get
/// an <c>xmlns</c> attribute of their own. The walk is iterative: no tree, however deep, exhausts the stack.
/// </summary>
internal static class LibvirtXmlWriter
{
    /// <summary>Builders up to this capacity are kept for the thread's next write; larger ones are dropped.</summary>
    private const int MaxCachedCapacity = 64 * 1024;

    private static readonly XName DefaultNamespaceDeclaration = "xmlns";

    private static readonly SearchValues<char> TextMinimal = SearchValues.Create("&<>\r");
    private static readonly SearchValues<char> TextQuotes = SearchValues.Create("&<>\r'\"");
    private static readonly SearchValues<char> SingleQuoted = SearchValues.Create("&<>\r\n\t'");
    private static readonly SearchValues<char> DoubleQuoted = SearchValues.Create("&<>\r\n\t\"");
    private static readonly SearchValues<char> AttributeQuotes = SearchValues.Create("&<>\r\n\t'\"");

    /// <summary>
    /// One reusable builder per thread: most domain documents are 1–10 KB, and a fresh builder per write cost
    /// more in allocations (growth chunks included) than the text it produced.
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? cachedBuilder;

    /// <summary>Writes the whole document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="maxDirectChar">Characters above this in text and attribute values become character references
    /// (for saving in US-ASCII or Latin-1).</param>
    public static string Write(XDocument document, int maxDirectChar = char.MaxValue)
    {
        var builder = Rent();
        var style = new Style(XmlStyle.DefaultQuote(document), XmlStyle.EscapeQuotes(document), maxDirectChar);
        var declaration = XmlStyle.Declaration(document);
        if (declaration is not null)
        {
            builder.Append(declaration);
        }

        for (var node = document.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement element)
            {
                WriteSubtree(builder, element, style, XNamespace.None);
            }
            else
            {
                WriteLeaf(builder, node, style);
            }
        }

        return Return(builder);
    }

    /// <summary>Writes one element and its subtree.</summary>
    public static string Write(XElement element)
    {
        var builder = Rent();
        var document = element.Document;
        var style = new Style(XmlStyle.DefaultQuote(document), XmlStyle.EscapeQuotes(document), char.MaxValue);
        WriteSubtree(builder, element, style, InheritedDefaultNamespace(element));
        return Return(builder);
    }

    private static StringBuilder Rent()
    {
        var builder = cachedBuilder;
        if (builder is null)
        {
            return new StringBuilder(4096);
        }

        // A builder that is in use (a write nested in another write on this thread) is not handed out twice.
        cachedBuilder = null;
        return builder;
    }

    private static string Return(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxCachedCapacity)
        {
            builder.Clear();
            cachedBuilder = builder;
        }

        return text;
    }

    private static XNamespace InheritedDefaultNamespace(XElement element)
    {
        for (var e = element.Parent; e is not null; e = e.Parent)
        {
            var declaration = e.Attribute(DefaultNamespaceDeclaration);
            if (declaration is not null)
            {
                return declaration.Value;
            }
        }

        return XNamespace.None;
    }

    /// <summary>Depth-first, with an explicit stack of the open elements' end tags and default namespaces.</summary>
    private static void WriteSubtree(StringBuilder b, XElement root, Style style, XNamespace inheritedDefault)
    {
        var open = new Stack<(string Qualified, XNamespace DefaultNs)>();
        XNode node = root;
        var defaultNs = inheritedDefault;
        while (true)
        {
            if (node is XElement e)
            {
                var (qualified, childDefault) = WriteStartTag(b, e, style, defaultNs);
                if (e.FirstNode is { } first)
                {
                    open.Push((qualified, defaultNs));
                    defaultNs = childDefault;
                    node = first;
                    continue;
                }

                if (!e.IsEmpty)
                {
                    b.Append("</").Append(qualified).Append('>');
                }
            }
            else
            {
                WriteLeaf(b, node, style);
            }

            // Climb until a node with a next sibling, closing the elements left behind; stop at the root.
            while (node.NextNode is null || ReferenceEquals(node, root))
            {
                if (open.Count == 0)
                {
                    return;
                }

                var (qualified, outerDefault) = open.Pop();
                b.Append("</").Append(qualified).Append('>');
                defaultNs = outerDefault;
                node = node.Parent!;
                if (ReferenceEquals(node, root))
                {
                    return;
                }
            }

            node = node.NextNode!;
        }
    }

    private static void WriteLeaf(StringBuilder b, XNode node, Style style)
    {
        switch (node)
        {
            case XCData c:
                b.Append("<![CDATA[").Append(c.Value).Append("]]>");
                break;
            case XText t:
                var raw = XmlSourceText.TextOf(t);
                if (raw is not null && style.Represents(raw))
                {
                    b.Append(raw);
                }
                else
                {
                    AppendEscaped(b, t.Value, style.EscapeQuotes ? TextQuotes : TextMinimal, style.MaxDirectChar);
                }

                break;
            case XComment c:
                b.Append("<!--").Append(c.Value).Append("-->");
                break;
            case XProcessingInstruction pi:
                b.Append("<?").Append(pi.Target);
                if (pi.Data.Length > 0)
                {
                    b.Append(' ').Append(pi.Data);
                }

                b.Append("?>");
                break;
            default:
                throw new InvalidOperationException($"Cannot write a {node.NodeType} node.");
        }
    }

    /// <summary>Writes the start tag; returns the qualified name for the end tag and the children's default namespace.</summary>
    private static (string Qualified, XNamespace ChildDefault) WriteStartTag(StringBuilder b, XElement e, Style style, XNamespace inheritedDefault)
    {
        var defaultNs = inheritedDefault;
        var declaredDefault = e.Attribute(DefaultNamespaceDeclaration);
        if (declaredDefault is not null)
        {
            defaultNs = declaredDefault.Value;
        }

        string? extraDeclaration = null;
        var name = e.Name;
        string qualified;
        if (name.Namespace == defaultNs)
        {
            qualified = name.LocalName;
        }
        else
        {
            var prefix = name.Namespace == XNamespace.None ? null : e.GetPrefixOfNamespace(name.Namespace);
            if (prefix is not null)
            {
                qualified = prefix + ":" + name.LocalName;
            }
            else
            {
                // An element added in an undeclared namespace, or an un-namespaced element under a default namespace.
                qualified = name.LocalName;
                extraDeclaration = name.NamespaceName;
                defaultNs = name.Namespace;
            }
        }

        var raw = extraDeclaration is null ? XmlSourceText.StartTagOf(e) : null;
        if (raw is not null && style.Represents(raw))
        {
            b.Append(raw);
            return (qualified, defaultNs);
        }

        b.Append('<').Append(qualified);
        if (extraDeclaration is not null)
        {
            b.Append(" xmlns=").Append(style.Quote);
            AppendAttributeValue(b, extraDeclaration, style.Quote, style);
            b.Append(style.Quote);
        }

        for (var attribute = e.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
        {
            var q = XmlStyle.QuoteOf(attribute, style.Quote);
            AppendAttributeName(b.Append(' '), e, attribute).Append('=').Append(q);
            AppendAttributeValue(b, attribute.Value, q, style);
            b.Append(q);
        }

        b.Append(e.IsEmpty ? "/>" : ">");
        return (qualified, defaultNs);
    }

    private static StringBuilder AppendAttributeName(StringBuilder b, XElement owner, XAttribute attribute)
    {
        var name = attribute.Name;
        if (name.Namespace == XNamespace.None)
        {
            return b.Append(name.LocalName);
        }

        if (name.Namespace == XNamespace.Xmlns)
        {
            return b.Append("xmlns:").Append(name.LocalName);
        }

        if (name.Namespace == XNamespace.Xml)
        {
            return b.Append("xml:").Append(name.LocalName);
        }

        var prefix = owner.GetPrefixOfNamespace(name.Namespace)
            ?? throw new InvalidOperationException(
                $"Attribute '{name}' on <{owner.Name.LocalName}> is in a namespace with no prefix declared in scope.");
        return b.Append(prefix).Append(':').Append(name.LocalName);
    }

    private static void AppendAttributeValue(StringBuilder b, string value, char quote, Style style)
    {
        var special = style.EscapeQuotes ? AttributeQuotes : quote == '"' ? DoubleQuoted : SingleQuoted;
        AppendEscaped(b, value, special, style.MaxDirectChar);
    }

    private static void AppendEscaped(StringBuilder b, string value, SearchValues<char> special, int maxDirectChar)
    {
        var rest = value.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAny(special);
            if (maxDirectChar < char.MaxValue)
            {
                var wide = rest.IndexOfAnyInRange((char)(maxDirectChar + 1), char.MaxValue);
                if (wide >= 0 && (i < 0 || wide < i))
                {
                    b.Append(rest[..wide]);
                    var codePoint = char.IsHighSurrogate(rest[wide]) && wide + 1 < rest.Length && char.IsLowSurrogate(rest[wide + 1])
                        ? char.ConvertToUtf32(rest[wide], rest[wide + 1])
                        : rest[wide];
                    b.Append("&#x").Append(codePoint.ToString("X", CultureInfo.InvariantCulture)).Append(';');
                    rest = rest[(wide + (codePoint > char.MaxValue ? 2 : 1))..];
                    continue;
                }
            }

            if (i < 0)
            {
                b.Append(rest);
                return;
            }

            b.Append(rest[..i]).Append(rest[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                _ => "&#9;",
            });
            rest = rest[(i + 1)..];
        }
    }

    /// <summary>How new values are written: default quote, quote escaping everywhere, and the encoding's range.</summary>
    private readonly record struct Style(char Quote, bool EscapeQuotes, int MaxDirectChar)
    {
        /// <summary>Whether source text can be copied as it is into output limited to <see cref="MaxDirectChar"/>.</summary>
        public bool Represents(string raw) =>
            MaxDirectChar >= char.MaxValue || raw.AsSpan().IndexOfAnyInRange((char)(MaxDirectChar + 1), char.MaxValue) < 0;
    }
}
