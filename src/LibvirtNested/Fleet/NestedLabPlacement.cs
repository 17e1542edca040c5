namespace LibvirtNested.Fleet;

/// <summary>The host chosen for a nested lab's guest, what it had, and why each other host was not chosen.</summary>
public sealed record NestedLabPlacement
{
    /// <summary>The chosen host's URI: of the hosts that fit, the one with the most memory left afterwards (then the fewest committed virtual CPUs, then the first URI).</summary>
    public required string Uri { get; init; }

    /// <summary>The chosen host's inventory when it was chosen.</summary>
    public required LibvirtHostInventory Inventory { get; init; }

    /// <summary>Every host that did not fit, with its reasons.</summary>
    public required IReadOnlyList<HostRefusal> Refusals { get; init; }
}
