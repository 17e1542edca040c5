using System.Text;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Writes a tree back the way it was read: the quote style of each attribute, <c>&lt;x/&gt;</c> versus
/// <c>&lt;x&gt;&lt;/x&gt;</c>, every whitespace node, comments, processing instructions and namespace prefixes
/// as declared. <c>XDocument.ToString()</c> would re-quote attributes and re-indent; this does not.
/// New elements in a namespace with no declaration in scope get an <c>xmlns</c> attribute of their own.
/// </summary>
internal static class LibvirtXmlWriter
{
    /// <summary>Builders up to this capacity are kept for the thread's next write; larger ones are dropped.</summary>
    private const int MaxCachedCapacity = 64 * 1024;

    /// <summary>
    /// One reusable builder per thread: most domain documents are 1–10 KB, and a fresh builder per write cost
    /// more in allocations (growth chunks included) than the text it produced.
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? cachedBuilder;

    private static readonly XName DefaultNamespaceDeclaration = "xmlns";

    public static string Write(XDocument document)
    {
        var builder = Rent();
        var quote = XmlStyle.DefaultQuote(document);
        var declaration = XmlStyle.Declaration(document);
        if (declaration is not null)
        {
            builder.Append("<?xml ").Append(declaration).Append("?>");
        }

        for (var node = document.FirstNode; node is not null; node = node.NextNode)
        {
            WriteNode(builder, node, quote, XNamespace.None);
        }

        return Return(builder);
    }

    public static string Write(XElement element)
    {
        var builder = Rent();
        WriteElement(builder, element, XmlStyle.DefaultQuote(element.Document), InheritedDefaultNamespace(element));
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

    private static void WriteNode(StringBuilder b, XNode node, char quote, XNamespace defaultNs)
    {
        switch (node)
        {
            case XElement e:
                WriteElement(b, e, quote, defaultNs);
                break;
            case XCData c:
                b.Append("<![CDATA[").Append(c.Value).Append("]]>");
                break;
            case XText t:
                AppendEscaped(b, t.Value, attributeQuote: null);
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

    private static void WriteElement(StringBuilder b, XElement e, char quote, XNamespace inheritedDefault)
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

        b.Append('<').Append(qualified);
        if (extraDeclaration is not null)
        {
            b.Append(" xmlns=").Append(quote);
            AppendEscaped(b, extraDeclaration, quote);
            b.Append(quote);
        }

        for (var attribute = e.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
        {
            var q = XmlStyle.QuoteOf(attribute, quote);
            b.Append(' ').Append(AttributeName(e, attribute)).Append('=').Append(q);
            AppendEscaped(b, attribute.Value, q);
            b.Append(q);
        }

        if (e.IsEmpty)
        {
            b.Append("/>");
            return;
        }

        b.Append('>');
        for (var node = e.FirstNode; node is not null; node = node.NextNode)
        {
            WriteNode(b, node, quote, defaultNs);
        }

        b.Append("</").Append(qualified).Append('>');
    }

    private static string AttributeName(XElement owner, XAttribute attribute)
    {
        var name = attribute.Name;
        if (name.Namespace == XNamespace.None)
        {
            return name.LocalName;
        }

        if (name.Namespace == XNamespace.Xmlns)
        {
            return "xmlns:" + name.LocalName;
        }

        if (name.Namespace == XNamespace.Xml)
        {
            return "xml:" + name.LocalName;
        }

        var prefix = owner.GetPrefixOfNamespace(name.Namespace)
            ?? throw new InvalidOperationException(
                $"Attribute '{name}' on <{owner.Name.LocalName}> is in a namespace with no prefix declared in scope.");
        return prefix + ":" + name.LocalName;
    }

    private static void AppendEscaped(StringBuilder b, string value, char? attributeQuote)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var replacement = value[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attributeQuote == '"' => "&quot;",
                '\'' when attributeQuote == '\'' => "&apos;",
                '\n' when attributeQuote is not null => "&#10;",
                '\r' => "&#13;",
                '\t' when attributeQuote is not null => "&#9;",
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            b.Append(value, start, i - start).Append(replacement);
            start = i + 1;
        }

        b.Append(value, start, value.Length - start);
    }
}
