namespace LibvirtNested.Fleet;

/// <summary>A host that cannot take a guest, with every reason why.</summary>
/// <param name="Uri">The host's URI.</param>
/// <param name="Shortfalls">Every reason, at least one.</param>
public sealed record HostRefusal(string Uri, IReadOnlyList<PlacementShortfall> Shortfalls)
{
    /// <summary>The host and its reasons, e.g. <c>qemu+ssh://h2/system: Memory: …; Kvm: …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Uri}: {string.Join("; ", Shortfalls)}";
}
