namespace LibvirtNested.Xml;

/// <summary>
/// A typed property was read, but the document holds a value it cannot be converted from, for example
/// <c>&lt;memory&gt;abc&lt;/memory&gt;</c>. Parsing never fails for such values; only reading the property does.
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
        : base(attribute is null
            ? $"<{LastStep(path)}> at {path} holds '{value}', expected {expected}."
            : $"Attribute '{attribute}' of <{LastStep(path)}> at {path} holds '{value}', expected {expected}.")
    {
        ElementPath = path;
        AttributeName = attribute;
        Value = value;
    }

    /// <summary>Path of the element holding the value, for example <c>/domain/memory</c>.</summary>
    public string? ElementPath { get; }

    /// <summary>The attribute holding the value, or <see langword="null"/> when it is the element's text.</summary>
    public string? AttributeName { get; }

    /// <summary>The malformed value as found in the document.</summary>
    public string? Value { get; }

    private static string LastStep(string path)
    {
        var step = path[(path.LastIndexOf('/') + 1)..];
        var bracket = step.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? step : step[..bracket];
    }
}
