namespace LibvirtNested.Cli;

/// <summary>A value on the command line that the tool refuses (exit code <see cref="ExitCodes.Usage"/>).</summary>
internal sealed class UsageException(string message) : Exception(message);
