namespace LibvirtNested.Cli;

/// <summary>
/// virt-nest's exit codes: the one table that the commands return, <c>virt-nest --help</c> and docs/virt-nest.md print,
/// and the tests assert. Numbers never change meaning once released; new ones are appended.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int NotReady = 3;
    public const int ReadinessUnknown = 4;
    public const int NotFound = 5;
    public const int DeviceUnsafe = 6;
    public const int TimedOut = 7;
    public const int AlreadyExists = 8;
    public const int ConnectionFailed = 9;

    /// <summary>Every code with what it means, in order, for help and the reference page.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Table { get; } =
    [
        (Success, "success; for `check`, the machine is ready for nested virtualization"),
        (Failed, "the operation failed (libvirt refused it, a file could not be read or written, ...)"),
        (Usage, "the command line is wrong: unknown option, missing argument, a value the tool or the library refuses"),
        (NotReady, "`check`: the machine is not ready for nested virtualization (the findings say why)"),
        (ReadinessUnknown, "`check`: readiness could not be determined (no KVM module or CPU flags to read)"),
        (NotFound, "no such domain, network or file"),
        (DeviceUnsafe, "the block-device safety check refused the device, or `--device-check require` could not run it"),
        (TimedOut, "`addr --wait`: no address within the timeout"),
        (AlreadyExists, "a domain or network of that name exists already"),
        (ConnectionFailed, "the connection could not be opened (no libvirt.so.0, no daemon, a bad URI, authentication)"),
    ];
}
