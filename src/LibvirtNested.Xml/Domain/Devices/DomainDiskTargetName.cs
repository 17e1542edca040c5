using System.Text;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// Disk target names (<c>/domain/devices/disk/target/@dev</c>) as libvirt numbers them
/// (<c>virDiskNameToIndex</c>, <c>virIndexToDiskName</c>): a bus prefix and a bijective base-26 suffix,
/// <c>sda</c> = 0 … <c>sdz</c> = 25, <c>sdaa</c> = 26, <c>sdab</c> = 27, ….
/// </summary>
public static class DomainDiskTargetName
{
    /// <summary>The name prefix libvirt and guests use for a bus: <c>vd</c> for virtio, <c>sd</c> for scsi, sata and usb, <c>hd</c> for ide, <c>fd</c> for fdc, <c>xvd</c> for xen.</summary>
    /// <param name="bus">The bus, as in <c>target/@bus</c>.</param>
    /// <returns>The prefix.</returns>
    /// <exception cref="ArgumentException">The bus has no known name prefix.</exception>
    public static string PrefixFor(string bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        return bus switch
        {
            "virtio" => "vd",
            "scsi" or "sata" or "usb" => "sd",
            "ide" => "hd",
            "fdc" => "fd",
            "xen" => "xvd",
            _ => throw new ArgumentException($"'{bus}' is not a disk bus with a known name prefix; use virtio, scsi, sata, usb, ide, fdc or xen.", nameof(bus)),
        };
    }

    /// <summary>The bus libvirt assumes for a target name without <c>@bus</c>, from its prefix (<c>sd</c> → scsi, <c>vd</c> → virtio, …).</summary>
    /// <param name="name">A target name such as <c>sdb</c>.</param>
    /// <returns>The bus, or <see langword="null"/> for an unknown prefix.</returns>
    public static string? DefaultBusOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            _ when name.StartsWith("hd", StringComparison.Ordinal) => "ide",
            _ when name.StartsWith("sd", StringComparison.Ordinal) => "scsi",
            _ when name.StartsWith("vd", StringComparison.Ordinal) => "virtio",
            _ when name.StartsWith("xvd", StringComparison.Ordinal) => "xen",
            _ when name.StartsWith("fd", StringComparison.Ordinal) => "fdc",
            _ when name.StartsWith("ubd", StringComparison.Ordinal) => "uml",
            _ => null,
        };
    }

    /// <summary>The index of a target name with <paramref name="prefix"/>: <c>sda</c> → 0, <c>sdz</c> → 25, <c>sdaa</c> → 26. Trailing partition digits are ignored, as libvirt does.</summary>
    /// <param name="name">The target name.</param>
    /// <param name="prefix">The prefix, such as <c>sd</c>.</param>
    /// <returns>The index, or <see langword="null"/> when the name does not have that form.</returns>
    public static int? ToIndex(string name, string prefix)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        long index = 0;
        var i = prefix.Length;
        for (; i < name.Length && name[i] is >= 'a' and <= 'z'; i++)
        {
            index = ((index + (i == prefix.Length ? 0 : 1)) * 26) + (name[i] - 'a');
            if (index > int.MaxValue)
            {
                return null;
            }
        }

        var letters = i - prefix.Length;
        for (; i < name.Length && char.IsAsciiDigit(name[i]); i++)
        {
        }

        return letters == 0 || i != name.Length ? null : (int)index;
    }

    /// <summary>The target name for an index: 0 → <c>sda</c>, 25 → <c>sdz</c>, 26 → <c>sdaa</c>.</summary>
    /// <param name="index">A non-negative index.</param>
    /// <param name="prefix">The prefix, such as <c>sd</c>.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static string FromIndex(int index, string prefix)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentNullException.ThrowIfNull(prefix);
        // Bijective base 26, last letter first; int.MaxValue needs 7 letters.
        Span<char> letters = stackalloc char[8];
        var start = letters.Length;
        for (long i = index; i >= 0; i = (i / 26) - 1)
        {
            letters[--start] = (char)('a' + (i % 26));
        }

        return string.Concat(prefix, letters[start..]);
    }

    /// <summary>The first name with <paramref name="prefix"/> whose index no name in <paramref name="taken"/> has (gaps are reused).</summary>
    /// <param name="taken">Names in use, of any prefix (others are ignored).</param>
    /// <param name="prefix">The prefix, such as <c>sd</c>.</param>
    /// <returns>The free name.</returns>
    public static string FirstFree(IEnumerable<string> taken, string prefix)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var used = taken.Select(n => ToIndex(n, prefix)).OfType<int>().ToHashSet();
        var index = 0;
        while (used.Contains(index))
        {
            index++;
        }

        return FromIndex(index, prefix);
    }
}
