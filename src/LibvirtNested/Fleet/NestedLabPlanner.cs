using System.Globalization;

namespace LibvirtNested.Fleet;

/// <summary>The placement rules, apart from libvirt so that they can be read and tested on their own.</summary>
internal static class NestedLabPlanner
{
    private const ulong MiB = 1024 * 1024;

    /// <summary>Chooses the host for <paramref name="request"/> among <paramref name="hosts"/> (each an inventory or that host's error).</summary>
    /// <exception cref="NestedLabPlacementException">No host fits; every host's reasons are in it.</exception>
    internal static NestedLabPlacement Choose(NestedLabRequest request, IReadOnlyList<LibvirtHostResult<LibvirtHostInventory>> hosts)
    {
        var refusals = new List<HostRefusal>();
        var fitting = new List<LibvirtHostInventory>();
        foreach (var host in hosts)
        {
            if (host.Value is not { } inventory)
            {
                refusals.Add(new HostRefusal(host.Uri, [new PlacementShortfall(PlacementShortfallKind.Unreachable, host.Error?.Message ?? "no answer")]));
                continue;
            }

            var shortfalls = Shortfalls(request, inventory);
            if (shortfalls.Count == 0)
            {
                fitting.Add(inventory);
            }
            else
            {
                refusals.Add(new HostRefusal(host.Uri, shortfalls));
            }
        }

        if (fitting.Count == 0)
        {
            throw new NestedLabPlacementException(request, refusals);
        }

        // Spread: the most memory left afterwards, then the least CPU pressure; the URI makes equal hosts deterministic.
        var chosen = fitting
            .OrderByDescending(i => i.AvailableMemoryBytes)
            .ThenBy(i => i.CommittedVirtualCpus)
            .ThenBy(i => i.Uri, StringComparer.Ordinal)
            .First();
        return new NestedLabPlacement { Uri = chosen.Uri, Inventory = chosen, Refusals = refusals };
    }

    /// <summary>Every reason <paramref name="inventory"/> cannot take <paramref name="request"/>; empty when it fits.</summary>
    internal static IReadOnlyList<PlacementShortfall> Shortfalls(NestedLabRequest request, LibvirtHostInventory inventory)
    {
        var reasons = new List<PlacementShortfall>();
        if (inventory.AvailableMemoryBytes < request.MemoryBytes)
        {
            var free = inventory.FreeMemoryBytes is { } bytes ? string.Create(CultureInfo.InvariantCulture, $", {bytes / MiB} MiB free on the host") : string.Empty;
            reasons.Add(new PlacementShortfall(PlacementShortfallKind.Memory, string.Create(
                CultureInfo.InvariantCulture,
                $"needs {request.MemoryBytes / MiB} MiB, {inventory.AvailableMemoryBytes / MiB} MiB available ({inventory.Node.MemoryBytes / MiB} MiB installed, {inventory.CommittedMemoryBytes / MiB} MiB held by {inventory.RunningDomains} running domains{free})")));
        }

        var cpus = inventory.Node.Cpus;
        var budget = (int)Math.Floor(cpus * request.CpuOvercommit);
        if (request.VirtualCpus > cpus)
        {
            reasons.Add(new PlacementShortfall(PlacementShortfallKind.Cpus, string.Create(CultureInfo.InvariantCulture, $"needs {request.VirtualCpus} vCPUs, the host has {cpus} CPUs")));
        }
        else if (inventory.CommittedVirtualCpus + request.VirtualCpus > budget)
        {
            reasons.Add(new PlacementShortfall(PlacementShortfallKind.Cpus, string.Create(
                CultureInfo.InvariantCulture,
                $"needs {request.VirtualCpus} vCPUs, {Math.Max(budget - inventory.CommittedVirtualCpus, 0)} left ({cpus} CPUs × {request.CpuOvercommit} overcommit, {inventory.CommittedVirtualCpus} held by {inventory.RunningDomains} running domains)")));
        }

        if (request.RequireKvm && inventory.KvmAvailable != true)
        {
            reasons.Add(new PlacementShortfall(PlacementShortfallKind.Kvm, inventory.KvmAvailable is null
                ? "the host's capabilities name no CPU architecture"
                : $"the capabilities offer no kvm domain type for {inventory.Arch} (no /dev/kvm, or the module is not loaded{(request.Level == NestedLabLevel.L2 ? "; on an L1 host: nested virtualization is off on L0" : string.Empty)})"));
        }

        if ((request.RequireHostPassthrough ?? request.Level == NestedLabLevel.L1) && inventory.HostPassthroughSupported != true)
        {
            reasons.Add(new PlacementShortfall(PlacementShortfallKind.HostPassthrough, inventory.HostPassthroughSupported switch
            {
                false => "the domain capabilities for kvm do not support cpu mode host-passthrough",
                _ when inventory.KvmAvailable != true => "cpu mode host-passthrough needs kvm, which the host does not offer",
                _ => "the driver reports no domain capabilities (virConnectGetDomainCapabilities), so host-passthrough cannot be confirmed",
            }));
        }

        return reasons;
    }
}
