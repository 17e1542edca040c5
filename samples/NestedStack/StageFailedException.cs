namespace LibvirtNested.Samples.NestedStack;

/// <summary>A stage failed or went over its time limit; the message says which and why.</summary>
internal sealed class StageFailedException(string message, Exception inner) : Exception(message, inner);
