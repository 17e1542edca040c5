namespace LibvirtNested.Cli;

/// <summary>One example in a command's help and in docs/virt-nest.md: a command line and what it does.</summary>
internal sealed record Example(string CommandLine, string Explanation);
