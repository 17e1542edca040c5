namespace LibvirtNested.Host.Internal;

/// <summary>Reads kernel module parameter values the way the kernel writes them.</summary>
internal static class KernelValue
{
    /// <summary>Parses a boolean parameter: <c>Y</c>/<c>N</c> (how sysfs shows <c>bool</c> parameters), <c>1</c>/<c>0</c> (how it
    /// shows <c>int</c> parameters such as kvm_amd's <c>nested</c>, and how modprobe.d usually spells them), any other integer
    /// (non-zero is on, as for an <c>int</c> parameter), and <c>on</c>/<c>off</c>, <c>yes</c>/<c>no</c>, <c>true</c>/<c>false</c>
    /// as kstrtobool accepts them. Returns null and a problem for anything else.</summary>
    public static bool? ParseBoolean(string? raw, out string? problem)
    {
        problem = null;
        if (raw is null)
        {
            problem = "missing";
            return null;
        }

        var value = raw.Trim();
        if (value.Length == 0)
        {
            problem = "empty value";
            return null;
        }

        switch (value.ToUpperInvariant())
        {
            case "Y" or "YES" or "ON" or "TRUE":
                return true;
            case "N" or "NO" or "OFF" or "FALSE":
                return false;
        }

        // Any integer, however long: only whether it is zero matters, so digits beyond a long's range cannot overflow.
        var digits = value.AsSpan(value[0] is '-' or '+' ? 1 : 0);
        if (digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9'))
        {
            return digits.ContainsAnyExcept('0');
        }

        problem = $"unrecognised value '{value}'";
        return null;
    }
}
