using LibvirtNested.Host;

namespace LibvirtNested.Cli.Commands;

/// <summary>
/// The block-device safety check for <c>--lun</c> (<see cref="BlockDeviceSafety"/>: the device must be a block device,
/// not mounted, not swap, with no mounted partition or holder). It can only look at this machine, so it runs by default
/// only when the domain lives here; <c>require</c> makes a skipped check an error, <c>skip</c> turns it off.
/// </summary>
internal static class DeviceCheck
{
    public const string Auto = "auto";
    public const string Require = "require";
    public const string Skip = "skip";

    /// <summary>The check for a domain on <paramref name="connection"/>, or null (with a note saying why) when it cannot run.</summary>
    public static Action<string>? ForConnection(CommandContext context, LibvirtConnection connection, string mode, IReadOnlyList<string> luns)
    {
        if (luns.Count == 0 || mode == Skip)
        {
            NoteSkipped(context, luns, mode);
            return null;
        }

        var uri = connection.Uri;
        string? reason = null;
        if (connection.DriverType.Equals("Test", StringComparison.OrdinalIgnoreCase))
        {
            reason = $"{uri} is libvirt's test driver, which passes no device to a real guest";
        }
        else if (uri.Host.Length > 0)
        {
            reason = $"the domain lives on {uri.Host}, another machine";
        }

        if (reason is null)
        {
            return Local;
        }

        if (mode == Require)
        {
            throw new CommandFailedException(ExitCodes.DeviceUnsafe,
                $"--device-check require: {string.Join(", ", luns)} cannot be checked from here: {reason}. Run virt-nest on that host, or pass --device-check auto to edit without the check.");
        }

        context.Note($"note: {string.Join(", ", luns)} not checked for safety: {reason} (the check looks at this machine only; --device-check require makes this an error).");
        return null;
    }

    /// <summary>
    /// The check for a domain XML file: a file does not say which host it is for, so by default nothing is checked (and
    /// the note says so); <c>require</c> checks the devices on this machine.
    /// </summary>
    public static Action<string>? ForFile(CommandContext context, string path, string mode, IReadOnlyList<string> luns)
    {
        if (luns.Count == 0 || mode == Skip)
        {
            NoteSkipped(context, luns, mode);
            return null;
        }

        if (mode == Require)
        {
            return Local;
        }

        context.Note($"note: {string.Join(", ", luns)} not checked for safety: {path} is a file, and a file does not say which host it is for " +
            "(--device-check require checks the device on this machine).");
        return null;
    }

    private static void NoteSkipped(CommandContext context, IReadOnlyList<string> luns, string mode)
    {
        if (luns.Count > 0 && mode == Skip)
        {
            context.Note($"note: {string.Join(", ", luns)} not checked for safety (--device-check skip).");
        }
    }

    private static void Local(string path) => new BlockDeviceSafety().Ensure(path);
}
