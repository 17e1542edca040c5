using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml;

/// <summary>
/// A size in bytes whose unit cannot be mistaken: made with <see cref="FromBytes"/>, <see cref="FromKibibytes"/>,
/// <see cref="FromMebibytes"/>, <see cref="FromGibibytes"/> or <see cref="Parse(string)"/> (<c>"16G"</c>,
/// <c>"16000MiB"</c>), never from a bare number whose unit a reader has to guess. It is also the codec of
/// libvirt's scaled integers (<c>&lt;memory unit='GiB'&gt;16&lt;/memory&gt;</c>, <c>capacity</c>, sizes): converts a
/// value and its <c>unit</c> attribute to bytes and back. Units follow formatdomain's "Memory Allocation":
/// <c>b</c>/<c>bytes</c>; <c>KB</c>, <c>MB</c>, <c>GB</c>, <c>TB</c>, <c>PB</c>, <c>EB</c> (powers of 1000);
/// <c>k</c>/<c>KiB</c>, <c>M</c>/<c>MiB</c>, <c>G</c>/<c>GiB</c>, <c>T</c>/<c>TiB</c>, <c>P</c>/<c>PiB</c>,
/// <c>E</c>/<c>EiB</c> (powers of 1024).
/// </summary>
public readonly record struct DataSize : IComparable<DataSize>
{
    private DataSize(ulong bytes) => Bytes = bytes;

    /// <summary>The size in bytes.</summary>
    public ulong Bytes { get; }

    /// <summary>A size of <paramref name="bytes"/> bytes.</summary>
    /// <param name="bytes">Bytes.</param>
    /// <returns>The size.</returns>
    public static DataSize FromBytes(ulong bytes) => new(bytes);

    /// <summary>A size of <paramref name="kibibytes"/> KiB (1024 bytes each).</summary>
    /// <param name="kibibytes">KiB.</param>
    /// <returns>The size.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is 16 EiB or more.</exception>
    public static DataSize FromKibibytes(ulong kibibytes) => Scaled(kibibytes, 10, nameof(kibibytes));

    /// <summary>A size of <paramref name="mebibytes"/> MiB (virt-install's <c>-r 16000</c> is <c>FromMebibytes(16000)</c>).</summary>
    /// <param name="mebibytes">MiB.</param>
    /// <returns>The size.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is 16 EiB or more.</exception>
    public static DataSize FromMebibytes(ulong mebibytes) => Scaled(mebibytes, 20, nameof(mebibytes));

    /// <summary>A size of <paramref name="gibibytes"/> GiB.</summary>
    /// <param name="gibibytes">GiB.</param>
    /// <returns>The size.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is 16 EiB or more.</exception>
    public static DataSize FromGibibytes(ulong gibibytes) => Scaled(gibibytes, 30, nameof(gibibytes));

    /// <summary>
    /// Parses a size that says its unit: <c>16G</c>, <c>512MiB</c>, <c>1TB</c>, <c>4096 bytes</c>. A bare number
    /// (<c>16000</c>) is refused, because its unit would be a guess (virt-install reads MiB, libvirt's XML KiB); use
    /// <see cref="Parse(string, string)"/> to give the unit of bare numbers explicitly.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The size.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a size with a unit, or is 16 EiB or more.</exception>
    public static DataSize Parse(string text) => new(ParseBytes(text, null));

    /// <summary>Parses a size as a command line takes it: a bare number is in <paramref name="unitOfBareNumbers"/> (<c>Parse("16000", "MiB")</c>, as virt-install's <c>-r</c>); a unit may follow (<c>16G</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="unitOfBareNumbers">The unit of a number written without one, such as <c>MiB</c>.</param>
    /// <returns>The size.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="unitOfBareNumbers"/> is not a unit.</exception>
    /// <exception cref="FormatException">The text is not a size, or is 16 EiB or more.</exception>
    public static DataSize Parse(string text, string unitOfBareNumbers)
    {
        ArgumentNullException.ThrowIfNull(unitOfBareNumbers);
        _ = Multiplier(unitOfBareNumbers) ?? throw new ArgumentException($"'{unitOfBareNumbers}' is not a unit; use KiB, MiB, GiB, TiB (or K, M, G, T), KB, MB, GB, TB, or bytes.", nameof(unitOfBareNumbers));
        return new(ParseBytes(text, unitOfBareNumbers));
    }

    /// <summary>Whether <paramref name="left"/> is smaller.</summary>
    /// <param name="left">A size.</param>
    /// <param name="right">Another size.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(DataSize left, DataSize right) => left.Bytes < right.Bytes;

    /// <summary>Whether <paramref name="left"/> is larger.</summary>
    /// <param name="left">A size.</param>
    /// <param name="right">Another size.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(DataSize left, DataSize right) => left.Bytes > right.Bytes;

    /// <summary>Whether <paramref name="left"/> is smaller or equal.</summary>
    /// <param name="left">A size.</param>
    /// <param name="right">Another size.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(DataSize left, DataSize right) => left.Bytes <= right.Bytes;

    /// <summary>Whether <paramref name="left"/> is larger or equal.</summary>
    /// <param name="left">A size.</param>
    /// <param name="right">Another size.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(DataSize left, DataSize right) => left.Bytes >= right.Bytes;

    /// <inheritdoc/>
    public int CompareTo(DataSize other) => Bytes.CompareTo(other.Bytes);

    /// <summary>The size in the largest binary unit that holds it exactly, such as <c>16 GiB</c> or <c>1536 MiB</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var (value, unit) = ToLargestExactUnit(Bytes);
        return value.ToString(CultureInfo.InvariantCulture) + " " + unit;
    }

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

    private static DataSize Scaled(ulong value, int shift, string parameter) =>
        value <= (ulong.MaxValue >> shift)
            ? new(value << shift)
            : throw new ArgumentOutOfRangeException(parameter, value, "The size is 16 EiB or more.");

    private static ulong ParseBytes(string text, string? unitOfBareNumbers)
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
            throw new FormatException($"'{LibvirtXmlValueException.Display(text)}' is not a size; write a number with a unit, such as 16G or 512MiB.");
        }

        if (unit.Length == 0 && unitOfBareNumbers is null)
        {
            throw new FormatException($"'{LibvirtXmlValueException.Display(text)}' has no unit; write 16000MiB or 16G (a bare number could mean bytes, KiB or MiB).");
        }

        var multiplier = Multiplier(unit.Length == 0 ? unitOfBareNumbers! : unit)
            ?? throw new FormatException($"'{LibvirtXmlValueException.Display(unit)}' in '{LibvirtXmlValueException.Display(text)}' is not a unit; use KiB, MiB, GiB, TiB (or K, M, G, T), KB, MB, GB, TB, or bytes.");
        try
        {
            return checked(number * multiplier);
        }
        catch (OverflowException)
        {
            throw new FormatException($"'{LibvirtXmlValueException.Display(text)}' is 16 EiB or more.");
        }
    }
}
