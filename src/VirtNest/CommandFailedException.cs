namespace LibvirtNested.Cli;

/// <summary>A failure the tool itself detects, with the exit code it stands for and the whole message to print.</summary>
internal sealed class CommandFailedException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
