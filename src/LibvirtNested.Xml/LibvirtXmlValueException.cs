namespace LibvirtNested.Xml;

/// <summary>
/// A value does not fit the datatype libvirt gives it. Either a typed property was read and the document holds
/// a value it cannot be converted from, for example <c>&lt;memory&gt;abc&lt;/memory&gt;</c> (parsing never fails
/// for such values; only reading the property does: <see cref="ElementPath"/>, <see cref="AttributeName"/> and,
/// when the document was parsed with positions, <see cref="LineNumber"/> and <see cref="LinePosition"/> say
/// where), or an edit or builder was given a value libvirt's schema (its RelaxNG datatypes such as
/// <c>absFilePath</c>, <c>deviceName</c>, <c>uniMacAddr</c>) refuses, and <see cref="ParameterName"/> and
/// <see cref="Datatype"/> say which. The message shows the value with control characters escaped.
/// </summary>
public class LibvirtXmlValueException : LibvirtXmlException
{
    /// <summary>Creates an exception with no message.</summary>
    public LibvirtXmlValueException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public LibvirtXmlValueException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public LibvirtXmlValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for one malformed value.</summary>
    /// <param name="path">Path of the element, for example <c>/domain/devices/disk[2]/target</c>.</param>
    /// <param name="attribute">The attribute holding the value, or <see langword="null"/> for element text.</param>
    /// <param name="value">The value found.</param>
    /// <param name="expected">What was expected, for example "an unsigned integer".</param>
    public LibvirtXmlValueException(string path, string? attribute, string value, string expected)
        : this(path, attribute, value, expected, lineNumber: null, linePosition: null)
    {
    }

    /// <summary>Creates an exception for one malformed value read from a document, with its position in the text.</summary>
    /// <param name="path">Path of the element, for example <c>/domain/devices/disk[2]/target</c>.</param>
    /// <param name="attribute">The attribute holding the value, or <see langword="null"/> for element text.</param>
    /// <param name="value">The value found.</param>
    /// <param name="expected">What was expected, for example "an unsigned integer".</param>
    /// <param name="lineNumber">The 1-based line of the element in the parsed text, or <see langword="null"/> when unknown.</param>
    /// <param name="linePosition">The 1-based column of the element in the parsed text, or <see langword="null"/> when unknown.</param>
    public LibvirtXmlValueException(string path, string? attribute, string value, string expected, int? lineNumber, int? linePosition)
        : base((attribute is null
            ? $"<{LastStep(path)}> at {path} holds '{Display(value)}', expected {expected}."
            : $"Attribute '{attribute}' of <{LastStep(path)}> at {path} holds '{Display(value)}', expected {expected}.")
            + (lineNumber is { } line ? $" (line {line}, column {linePosition ?? 0})" : string.Empty))
    {
        ElementPath = path;
        AttributeName = attribute;
        Value = value;
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    private LibvirtXmlValueException(string message, string parameterName, string datatype, string value, bool _)
        : base(message)
    {
        ParameterName = parameterName;
        Datatype = datatype;
        Value = value;
    }

    /// <summary>Path of the element holding the value, for example <c>/domain/memory</c>; <see langword="null"/> for an argument of an edit or builder.</summary>
    public string? ElementPath { get; }

    /// <summary>The attribute holding the value, or <see langword="null"/> when it is the element's text (or an argument).</summary>
    public string? AttributeName { get; }

    /// <summary>The malformed value as found in the document or given to the method, unescaped.</summary>
    public string? Value { get; }

    /// <summary>The parameter of the edit or builder method that carried the value, or <see langword="null"/> for a value read from a document.</summary>
    public string? ParameterName { get; }

    /// <summary>The libvirt schema datatype the value had to fit, such as <c>absFilePath</c>, or <see langword="null"/> for a value read from a document.</summary>
    public string? Datatype { get; }

    /// <summary>The 1-based line of the element holding the value, when it was read from a parsed document that kept positions; otherwise <see langword="null"/>.</summary>
    public int? LineNumber { get; }

    /// <summary>The 1-based column of the element holding the value, when <see cref="LineNumber"/> is known; otherwise <see langword="null"/>.</summary>
    public int? LinePosition { get; }

    /// <summary>The error for an argument of an edit or builder that libvirt's schema would refuse.</summary>
    /// <param name="parameterName">The parameter that carried the value, for example <c>devicePath</c>.</param>
    /// <param name="datatype">The libvirt datatype, for example <c>absFilePath</c>.</param>
    /// <param name="value">The value given.</param>
    /// <param name="problem">Why it does not fit, for example "it contains U+000A (line feed)".</param>
    internal static LibvirtXmlValueException ForArgument(string parameterName, string datatype, string value, string problem) =>
        new($"'{Display(value)}' (parameter '{parameterName}') is not a valid libvirt {datatype}: {problem}.", parameterName, datatype, value, false);

    /// <summary>A value as a message can show it: control and non-XML characters escaped (<c>\n</c>, <c>\u0000</c>), long values shortened.</summary>
    internal static string Display(string value)
    {
        const int Max = 120;
        var builder = new System.Text.StringBuilder(Math.Min(value.Length, Max) + 16);
        foreach (var c in value.Length > Max ? value.AsSpan(0, Max) : value.AsSpan())
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\'' => builder.Append("\\'"),
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' => builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        if (value.Length > Max)
        {
            builder.Append("… (").Append(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return builder.ToString();
    }

    private static string LastStep(string path)
    {
        var step = path[(path.LastIndexOf('/') + 1)..];
        var bracket = step.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? step : step[..bracket];
    }
}
