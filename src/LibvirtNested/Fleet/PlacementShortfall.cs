namespace LibvirtNested.Fleet;

/// <summary>One reason a host cannot take a guest, e.g. <c>Memory: needs 4096 MiB, 1024 MiB available</c>.</summary>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Message">The figures behind it.</param>
public sealed record PlacementShortfall(PlacementShortfallKind Kind, string Message)
{
    /// <summary>The kind and the figures, e.g. <c>Memory: needs 4096 MiB, 1024 MiB available (8192 MiB installed, 7168 MiB held by 3 running domains)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind}: {Message}";
}
