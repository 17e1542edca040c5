using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml;

/// <summary>
/// libvirt's scaled integers (<c>&lt;memory unit='GiB'&gt;16&lt;/memory&gt;</c>, <c>capacity</c>, sizes):
/// converts a value and its <c>unit</c> attribute to bytes and back. Units follow formatdomain's "Memory
/// Allocation": <c>b</c>/<c>bytes</c>; <c>KB</c>, <c>MB</c>, <c>GB</c>, <c>TB</c>, <c>PB</c>, <c>EB</c>
/// (powers of 1000); <c>k</c>/<c>KiB</c>, <c>M</c>/<c>MiB</c>, <c>G</c>/<c>GiB</c>, <c>T</c>/<c>TiB</c>,
/// <c>P</c>/<c>PiB</c>, <c>E</c>/<c>EiB</c> (powers of 1024).
/// </summary>
public static class DataSize
{
    /// <summary>Bytes in one unit of <paramref name="unit"/>; <see langword="null"/> for an unknown unit.</summary>
    /// <param name="unit">A libvirt unit name (case-insensitive, as libvirt accepts it).</param>
    /// <returns>The multiplier or <see langword="null"/>.</returns>
    public static ulong? Multiplier(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);

        // Upper-cased on the stack: every read of a size goes through here, and no unit is longer than "BYTES".
        Span<char> upper = stackalloc char[5];
        if (unit.AsSpan().ToUpperInvariant(upper) is not (> 0 and var length))
        {
            return null;
        }

        return upper[..length] switch
        {
            "B" or "BYTES" => 1UL,
            "KB" => 1000UL,
            "K" or "KIB" => 1UL << 10,
            "MB" => 1000UL * 1000,
            "M" or "MIB" => 1UL << 20,
            "GB" => 1000UL * 1000 * 1000,
            "G" or "GIB" => 1UL << 30,
            "TB" => 1000UL * 1000 * 1000 * 1000,
            "T" or "TIB" => 1UL << 40,
            "PB" => 1000UL * 1000 * 1000 * 1000 * 1000,
            "P" or "PIB" => 1UL << 50,
            "EB" => 1000UL * 1000 * 1000 * 1000 * 1000 * 1000,
            "E" or "EIB" => 1UL << 60,
            _ => null,
        };
    }

    /// <summary>
    /// Reads an element such as <c>&lt;memory unit='KiB'&gt;1048576&lt;/memory&gt;</c> as bytes.
    /// </summary>
    /// <param name="element">The element, or <see langword="null"/>.</param>
    /// <param name="defaultUnit">The unit libvirt assumes when <c>unit</c> is absent (KiB for domain memory).</param>
    /// <returns>Bytes, or <see langword="null"/> when <paramref name="element"/> is <see langword="null"/>.</returns>
    /// <exception cref="LibvirtXmlValueException">The number or the unit is malformed, or the size overflows.</exception>
    public static ulong? ReadBytes(XElement? element, string defaultUnit = "KiB")
    {
        if (element is null)
        {
            return null;
        }

        var unit = element.Attribute("unit")?.Value ?? defaultUnit;
        var multiplier = Multiplier(unit) ?? throw XmlValues.Error(element, "unit", unit, "a libvirt unit such as KiB, MiB, GiB or bytes");
        var text = ElementText.Of(element);
        var value = XmlValues.ParseUInt64(element, null, text);
        try
        {
            return checked(value * multiplier);
        }
        catch (OverflowException)
        {
            throw XmlValues.Error(element, (string?)null, text + " " + unit, "a size below 16 EiB");
        }
    }

    /// <summary>
    /// Writes bytes into an element as the largest binary unit that represents them exactly
    /// (<c>16 GiB</c> rather than <c>16777216 KiB</c>), setting both text and <c>unit</c>.
    /// </summary>
    /// <param name="element">The element to write.</param>
    /// <param name="bytes">The size in bytes.</param>
    public static void WriteBytes(XElement element, ulong bytes)
    {
        ArgumentNullException.ThrowIfNull(element);
        var (value, unit) = ToLargestExactUnit(bytes);
        element.Value = value.ToString(CultureInfo.InvariantCulture);
        element.SetAttributeValue("unit", unit);
    }

    /// <summary>The largest binary unit in which <paramref name="bytes"/> is a whole number, e.g. (16, "GiB").</summary>
    /// <param name="bytes">A size in bytes.</param>
    /// <returns>The value and its unit name.</returns>
    public static (ulong Value, string Unit) ToLargestExactUnit(ulong bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        var index = 0;
        while (bytes != 0 && index < units.Length - 1 && bytes % 1024 == 0)
        {
            bytes /= 1024;
            index++;
        }

        return (bytes, units[index]);
    }

    /// <summary>Parses a size as people write it on a command line: <c>16000</c> (MiB, as virt-install's <c>-r</c>), <c>16G</c>, <c>512MiB</c>, <c>1TB</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="defaultUnit">Unit for a bare number.</param>
    /// <returns>Bytes.</returns>
    /// <exception cref="FormatException">The text is not a size.</exception>
    public static ulong Parse(string text, string defaultUnit = "MiB")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var split = 0;
        while (split < trimmed.Length && char.IsAsciiDigit(trimmed[split]))
        {
            split++;
        }

        var unit = trimmed[split..].Trim();
        if (split == 0 || !ulong.TryParse(trimmed.AsSpan(0, split), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"'{text}' is not a size; write a number with an optional unit, such as 16G or 512MiB.");
        }

        var multiplier = Multiplier(unit.Length == 0 ? defaultUnit : unit)
            ?? throw new FormatException($"'{unit}' in '{text}' is not a unit; use KiB, MiB, GiB, TiB (or K, M, G, T), KB, MB, GB, TB, or bytes.");
        try
        {
            return checked(number * multiplier);
        }
        catch (OverflowException)
        {
            throw new FormatException($"'{text}' is larger than 16 EiB.");
        }
    }
}
