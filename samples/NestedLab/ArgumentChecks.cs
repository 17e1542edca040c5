using System.Text.RegularExpressions;

namespace LibvirtNested.Samples;

/// <summary>
/// What each kind of argument must look like before the walkthrough changes anything. Each check returns null or one
/// message that names the option, the value and what would be accepted.
/// </summary>
internal static partial class ArgumentChecks
{
    /// <summary>A guest or network name: libvirt refuses '/' (the name becomes a file name) and new lines; no XML
    /// document can hold other control characters.</summary>
    public static string? Name(string option, string value) =>
        value.Length == 0 ? $"{option} needs a name, not an empty string."
        : value.Trim().Length != value.Length ? $"{option} '{Show(value)}' starts or ends with a space."
        : value.Contains('/', StringComparison.Ordinal) ? $"{option} '{Show(value)}' contains '/', which libvirt refuses in a name."
        : HasControlCharacter(value) ? $"{option} '{Show(value)}' contains a control character (such as a new line)."
        : null;

    /// <summary>A path that goes into a libvirt document: absolute (libvirt resolves nothing relative to a directory), not
    /// the root directory, no control characters.</summary>
    public static string? AbsolutePath(string option, string value) =>
        value.Length == 0 ? $"{option} needs a path, not an empty string."
        : HasControlCharacter(value) ? $"{option} '{Show(value)}' contains a control character (such as a new line)."
        : !value.StartsWith('/') ? $"{option} '{value}' is not an absolute path: libvirt resolves nothing relative to a directory, so give the full path, starting with /."
        : value.EndsWith('/') ? $"{option} '{value}' names a directory; give a file or device."
        : null;

    /// <summary>A block device path, as a LUN must be.</summary>
    public static string? DevicePath(string option, string value) =>
        value.Length > 0 && !value.StartsWith('/') && !value.Contains('/', StringComparison.Ordinal) && !HasControlCharacter(value)
            ? $"{option} '{value}' is not an absolute path: give the device's full path, such as /dev/{value}."
            : AbsolutePath(option, value) ?? (value.StartsWith("/dev/", StringComparison.Ordinal) ? null : $"{option} '{value}' is not a device under /dev (such as /dev/sdb or /dev/disk/by-id/…).");

    /// <summary>A libvirt connection URI (driver[+transport]://[user@][host][:port]/path[?params]) or a URI alias from
    /// libvirt.conf (letters, digits, '_' and '-').</summary>
    public static string? ConnectionUri(string option, string value)
    {
        if (value.Length == 0 || HasControlCharacter(value))
        {
            return $"{option} '{Show(value)}' is not a libvirt URI (such as test:///default, qemu:///system or qemu+ssh://host/system).";
        }

        if (UriAlias().IsMatch(value))
        {
            return null;
        }

        return value.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && UriScheme().IsMatch(uri.Scheme)
            ? null
            : $"{option} '{value}' is not a libvirt URI (such as test:///default, qemu:///system or qemu+ssh://host/system) or a URI alias.";
    }

    /// <summary>A file this process reads now, such as a saved perf report.</summary>
    public static string? ReadableFile(string option, string value) =>
        value.Length == 0 || HasControlCharacter(value) ? $"{option} '{Show(value)}' is not a file name."
        : !File.Exists(value) ? $"{option} '{value}': no such file."
        : null;

    /// <summary>A directory this process writes to (created if missing), not an existing file.</summary>
    public static string? OutputDirectory(string option, string value) =>
        value.Length == 0 || HasControlCharacter(value) ? $"{option} '{Show(value)}' is not a directory name."
        : File.Exists(value) ? $"{option} '{value}' is a file, not a directory."
        : null;

    private static bool HasControlCharacter(string value) => value.Any(c => char.IsControl(c) || c is '\uFFFE' or '\uFFFF');

    // Control characters shown escaped, so a message never breaks a line or the terminal.
    private static string Show(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UriAlias();

    [GeneratedRegex("^[a-z][a-z0-9]*(\\+[a-z0-9]+)?$")]
    private static partial Regex UriScheme();
}
