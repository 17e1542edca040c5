namespace LibvirtNested.Host.Internal;

/// <summary>One line of <c>/proc/swaps</c>: <c>Filename Type Size Used Priority</c>.</summary>
internal sealed record SwapEntry(string FileName, string Type, string Line);
