using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Decodes the bytes of a file or stream the way an XML parser must (byte-order mark, else the encoding named in
/// the declaration, else UTF-8) and encodes a document for saving in the encoding it was read in or declares, so
/// the declaration never lies. Invalid bytes are refused, never replaced. The encodings are those .NET knows
/// without extra providers: UTF-8, UTF-16 and UTF-32 (either byte order), US-ASCII and ISO-8859-1 (Latin-1).
/// </summary>
internal static class XmlEncoding
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Decodes <paramref name="bytes"/> and parses the text, recording the encoding on the document.</summary>
    /// <exception cref="LibvirtXmlParseException">Unknown or contradictory encoding, or bytes invalid in it.</exception>
    public static XDocument Load(byte[] bytes, string expectedRoot, string? source)
    {
        var (encoding, bomLength) = Detect(bytes, source);
        var text = Decode(bytes, bomLength, encoding, source);
        var document = XmlLoader.Parse(text, expectedRoot, source);
        CheckDeclaration(document, encoding, bomLength > 0, source);
        XmlStyle.SetEncoding(document, encoding, bomLength > 0);
        return document;
    }

    /// <summary>
    /// The encoding to save <paramref name="document"/> in: the one it was read in; else the one its declaration
    /// names; else UTF-8. UTF-16 and UTF-32 always get a byte-order mark.
    /// </summary>
    /// <exception cref="LibvirtXmlException">The declaration names an encoding .NET cannot write.</exception>
    public static (Encoding Encoding, bool ByteOrderMark) ForSave(XDocument document)
    {
        var (encoding, bom) = XmlStyle.EncodingOf(document);
        if (encoding is not null)
        {
            return (encoding, bom || IsWide(encoding));
        }

        var declared = DeclaredName(XmlStyle.Declaration(document));
        if (declared is null)
        {
            return (Utf8NoBom, false);
        }

        var named = ByName(declared)
            ?? throw new LibvirtXmlException(
                $"The document declares encoding='{declared}', which cannot be written here (supported: UTF-8, UTF-16, UTF-32, US-ASCII, ISO-8859-1).");
        return (named, IsWide(named));
    }

    /// <summary>The highest character the encoding writes as itself; others in text and attribute values become character references.</summary>
    public static int MaxDirectChar(Encoding encoding) => encoding.CodePage switch
    {
        20127 => 0x7F,
        28591 => 0xFF,
        _ => char.MaxValue,
    };

    /// <summary>Encodes <paramref name="text"/>, refusing characters the encoding cannot hold rather than writing '?'.</summary>
    /// <exception cref="LibvirtXmlException">A character cannot be represented (it sits in a name, comment, PI or CDATA).</exception>
    public static byte[] Encode(string text, Encoding encoding, bool byteOrderMark)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        byte[] body;
        try
        {
            body = strict.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new LibvirtXmlException(
                $"The document cannot be saved as {encoding.WebName}: character U+{(int)e.CharUnknown:X4} cannot be represented there, "
                + "and it stands in a name, comment, processing instruction or CDATA section, where XML allows no character reference.",
                e);
        }

        if (!byteOrderMark)
        {
            return body;
        }

        var preamble = strict.GetPreamble();
        var bytes = new byte[preamble.Length + body.Length];
        preamble.CopyTo(bytes, 0);
        body.CopyTo(bytes, preamble.Length);
        return bytes;
    }

    /// <summary>The value of <c>encoding=</c> in a declaration (or in the start of a document), if any.</summary>
    public static string? DeclaredName(string? declaration)
    {
        if (declaration is null || !declaration.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return null;
        }

        var end = declaration.IndexOf("?>", StringComparison.Ordinal);
        var head = end < 0 ? declaration : declaration[..end];
        var at = head.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = head.AsSpan(at + "encoding".Length).TrimStart();
        if (rest.Length == 0 || rest[0] != '=')
        {
            return null;
        }

        rest = rest[1..].TrimStart();
        if (rest.Length == 0 || (rest[0] != '"' && rest[0] != '\''))
        {
            return null;
        }

        var close = rest[1..].IndexOf(rest[0]);
        return close < 0 ? null : rest.Slice(1, close).ToString();
    }

    private static (Encoding Encoding, int BomLength) Detect(byte[] b, string? source)
    {
        var n = b.Length;
        if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return (Utf8NoBom, 3);
        }

        if (n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: true), 4);
        }

        if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4);
        }

        if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: true), 2);
        }

        if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: true), 2);
        }

        // No mark: '<?' in a wide encoding (XML 1.0 appendix F), else an ASCII-compatible one named by the declaration.
        if (n >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0)
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: true), 0);
        }

        if (n >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?')
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: true), 0);
        }

        var head = Encoding.Latin1.GetString(b, 0, Math.Min(n, 512));
        var declared = DeclaredName(head);
        if (declared is null)
        {
            return (Utf8NoBom, 0);
        }

        var encoding = ByName(declared) ?? throw Unsupported(declared, source);
        if (IsWide(encoding))
        {
            throw new LibvirtXmlParseException(
                $"{XmlLoader.Describe(source)} declares encoding='{declared}' but is not written in it (no byte-order mark, single-byte text).",
                source, 1, 1, null);
        }

        return (encoding, 0);
    }

    private static string Decode(byte[] bytes, int bomLength, Encoding encoding, string? source)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return strict.GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException e)
        {
            var offset = bomLength + Math.Max(0, e.Index);
            var before = encoding.GetString(bytes, bomLength, offset - bomLength);
            var line = 1 + before.AsSpan().Count('\n');
            var column = before.Length - before.LastIndexOf('\n');
            var shown = e.BytesUnknown is { Length: > 0 } unknown ? Convert.ToHexString(unknown) : "?";
            throw new LibvirtXmlParseException(
                $"{XmlLoader.Describe(source)} is not valid {encoding.WebName}: byte(s) 0x{shown} at byte offset "
                + $"{offset.ToString(CultureInfo.InvariantCulture)} (line {line}, column {column}).",
                source, line, column, e);
        }
    }

    /// <summary>A byte-order mark and a declaration that name different encodings: refused, as libxml2 does.</summary>
    private static void CheckDeclaration(XDocument document, Encoding detected, bool hasBom, string? source)
    {
        if (!hasBom && !IsWide(detected))
        {
            return;
        }

        var declared = DeclaredName(XmlStyle.Declaration(document));
        if (declared is null)
        {
            return;
        }

        var named = ByName(declared) ?? throw Unsupported(declared, source);
        if (Family(named) != Family(detected))
        {
            throw new LibvirtXmlParseException(
                $"{XmlLoader.Describe(source)} declares encoding='{declared}' but is written in {detected.WebName} (byte-order mark).",
                source, 1, 1, null);
        }
    }

    private static LibvirtXmlParseException Unsupported(string declared, string? source) => new(
        $"{XmlLoader.Describe(source)} declares encoding='{declared}', which is not supported (supported: UTF-8, UTF-16, UTF-32, US-ASCII, ISO-8859-1).",
        source, 1, 1, null);

    private static Encoding? ByName(string name)
    {
        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? Utf8NoBom : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static bool IsWide(Encoding encoding) => Family(encoding) is 1200 or 12000;

    /// <summary>Code page with the byte order folded in: UTF-16 as 1200, UTF-32 as 12000.</summary>
    private static int Family(Encoding encoding) => encoding.CodePage switch
    {
        1201 => 1200,
        12001 => 12000,
        var page => page,
    };
}
