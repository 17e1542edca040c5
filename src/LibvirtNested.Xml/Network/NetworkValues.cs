namespace LibvirtNested.Xml.Network;

/// <summary>Checks of values that libvirt's network schema constrains.</summary>
internal static class NetworkValues
{
    /// <summary>libvirt's <c>uniMacAddr</c>: six hexadecimal pairs separated by colons.</summary>
    public static bool IsMacAddress(string value)
    {
        if (value.Length != 17)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var ok = i % 3 == 2 ? value[i] == ':' : char.IsAsciiHexDigit(value[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Why <paramref name="name"/> cannot be a Linux network interface name (IFNAMSIZ is 16 with the terminating
    /// NUL; the kernel's <c>dev_valid_name</c> refuses '/', ':', white space, "." and ".."), or <see langword="null"/>.
    /// </summary>
    public static string? InterfaceNameProblem(string name)
    {
        if (name.Length is 0 or > 15)
        {
            return $"'{name}' is not a valid interface name: it must have 1 to 15 characters (it has {name.Length}).";
        }

        if (name is "." or "..")
        {
            return $"'{name}' is not a valid interface name.";
        }

        var bad = name.FirstOrDefault(c => c is '/' or ':' || char.IsWhiteSpace(c) || char.IsControl(c));
        return bad == default ? null : $"'{name}' is not a valid interface name: it must not contain '/', ':' or white space.";
    }
}
