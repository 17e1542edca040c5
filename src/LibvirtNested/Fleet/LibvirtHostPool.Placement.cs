namespace LibvirtNested.Fleet;

/// <content>Placement of nested labs.</content>
public sealed partial class LibvirtHostPool
{
    /// <summary>
    /// Chooses the host for a nested lab's L1 or L2 guest: reads every host's inventory at once (<see cref="GetInventoryAsync"/>,
    /// within <see cref="LibvirtHostPoolOptions.PerHostTimeout"/>), keeps the hosts with enough memory and CPUs, KVM and (for
    /// an L1) host-passthrough, and takes the one with the most memory left afterwards. Nothing is reserved: a caller that
    /// places several guests at once serialises its placements and definitions.
    /// </summary>
    /// <param name="request">What the guest needs.</param>
    /// <param name="uris">The candidate hosts; <see langword="null"/> for every host of the pool.</param>
    /// <param name="cancellationToken">Stops the placement.</param>
    /// <returns>The chosen host, its inventory and why the others were not chosen.</returns>
    /// <exception cref="NestedLabPlacementException">No host fits; <see cref="NestedLabPlacementException.Refusals"/> says for every host why.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The request asks for no memory, no CPUs, or an overcommit below 1.</exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<NestedLabPlacement> PlaceAsync(NestedLabRequest request, IEnumerable<string>? uris = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfZero(request.MemoryBytes, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.VirtualCpus, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.CpuOvercommit, 1.0, nameof(request));
        var inventories = await FanOutCoreAsync(ReadInventory, uris, null, cancellationToken).ConfigureAwait(false);
        return NestedLabPlanner.Choose(request, inventories);
    }
}
