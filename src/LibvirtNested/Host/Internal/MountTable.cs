using System.Text;

namespace LibvirtNested.Host.Internal;

/// <summary>Parsers for <c>/proc/self/mountinfo</c> and <c>/proc/swaps</c>, decoding the octal escapes (<c>\040</c> for a
/// space) the kernel writes in paths.</summary>
internal static class MountTable
{
    public const string MountInfoPath = "/proc/self/mountinfo";
    public const string SwapsPath = "/proc/swaps";

    public static List<MountEntry> ParseMountInfo(string text)
    {
        var entries = new List<MountEntry>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var separator = Array.IndexOf(fields, "-");
            if (fields.Length < 6 || separator < 6 || separator + 2 >= fields.Length)
            {
                continue;
            }

            entries.Add(new MountEntry(fields[2], Unescape(fields[4]), fields[separator + 1], Unescape(fields[separator + 2]), line));
        }

        return entries;
    }

    public static List<SwapEntry> ParseSwaps(string text)
    {
        var entries = new List<SwapEntry>();
        foreach (var line in text.Split('\n').Skip(1))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2)
            {
                entries.Add(new SwapEntry(Unescape(fields[0]), fields[1], line.TrimEnd()));
            }
        }

        return entries;
    }

    public static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && IsOctal(value, i + 1))
            {
                text.Append((char)(((value[i + 1] - '0') * 64) + ((value[i + 2] - '0') * 8) + (value[i + 3] - '0')));
                i += 3;
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsOctal(string value, int start)
    {
        if (start + 3 > value.Length)
        {
            return false;
        }

        for (var i = start; i < start + 3; i++)
        {
            if (value[i] is < '0' or > '7')
            {
                return false;
            }
        }

        return true;
    }
}
