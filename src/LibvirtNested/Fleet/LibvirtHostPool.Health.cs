using System.Diagnostics;

namespace LibvirtNested.Fleet;

/// <content>Health and inventory of the hosts.</content>
public sealed partial class LibvirtHostPool
{
    /// <summary>
    /// Checks one host within <see cref="LibvirtHostPoolOptions.PerHostTimeout"/> (opening it if needed): versions
    /// (<c>virConnectGetLibVersion</c>, <c>virConnectGetVersion</c>), host name, and nested readiness from its capabilities
    /// and domain capabilities. Never throws for the host's failure: an unreachable host is reported with its typed error.
    /// </summary>
    /// <param name="uri">The host's URI; added if unknown.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>The host's health.</returns>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<LibvirtHostHealth> CheckHealthAsync(string uri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        var results = await FanOutCoreAsync(ReadHealth, [uri], null, cancellationToken).ConfigureAwait(false);
        return Health(results[0]);
    }

    /// <summary>Checks every host at once, as <see cref="CheckHealthAsync(string, CancellationToken)"/> does one.</summary>
    /// <param name="cancellationToken">Stops the checks.</param>
    /// <returns>One health per host, in the order of <see cref="Uris"/>.</returns>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<IReadOnlyList<LibvirtHostHealth>> CheckAllHealthAsync(CancellationToken cancellationToken = default)
    {
        var results = await FanOutCoreAsync(ReadHealth, null, null, cancellationToken).ConfigureAwait(false);
        return [.. results.Select(Health)];
    }

    /// <summary>
    /// Reads what placement weighs for one host: <c>virNodeGetInfo</c>, <c>virNodeGetFreeMemory</c>, the running domains'
    /// memory and virtual CPUs (<c>virConnectListAllDomains</c>, <c>virDomainGetInfo</c>), capabilities and domain capabilities.
    /// </summary>
    /// <param name="uri">The host's URI; added if unknown.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="LibvirtException">The host cannot be reached, or a call failed.</exception>
    public Task<LibvirtHostInventory> GetInventoryAsync(string uri, CancellationToken cancellationToken = default) =>
        RunAsync(uri, connection => ReadInventory(uri, connection), cancellationToken);

    private static LibvirtHostInventory ReadInventory(string uri, LibvirtConnection connection)
    {
        var node = connection.GetNodeInfo();
        ulong? free;
        try
        {
            var bytes = connection.GetFreeMemoryBytes();
            free = bytes == 0 ? null : bytes;
        }
        catch (LibvirtException e) when (e is LibvirtUnsupportedOperationException || e.Domain == 0)
        {
            // A driver that counts nothing answers 0, which libvirt turns into an error of no cause (VIR_FROM_NONE):
            // the free memory is unknown then, not zero.
            free = null;
        }

        ulong memory = 0;
        var vcpus = 0;
        var running = 0;
        foreach (var domain in connection.ListDomains(LibvirtListFilter.Active))
        {
            using (domain)
            {
                try
                {
                    var info = domain.GetInfo();
                    memory += info.MemoryBytes;
                    vcpus += info.VirtualCpus;
                    running++;
                }
                catch (LibvirtNotFoundException)
                {
                    // Gone between the listing and the read: it holds nothing any more.
                }
            }
        }

        var facts = HostFacts.Read(connection);
        return new LibvirtHostInventory
        {
            Uri = uri,
            Node = node,
            FreeMemoryBytes = free,
            RunningDomains = running,
            CommittedMemoryBytes = memory,
            CommittedVirtualCpus = vcpus,
            Arch = facts.Arch,
            HardwareVirtualization = facts.HardwareVirtualization,
            KvmAvailable = facts.KvmAvailable,
            HostPassthroughSupported = facts.HostPassthroughSupported,
        };
    }

    private static LibvirtHostHealth ReadHealth(string uri, LibvirtConnection connection)
    {
        var facts = HostFacts.Read(connection);
        return new LibvirtHostHealth
        {
            Uri = uri,
            IsReachable = true,
            HostName = connection.HostName,
            DriverType = connection.DriverType,
            LibvirtVersion = connection.LibvirtVersion,
            HypervisorVersion = connection.HypervisorVersion,
            Arch = facts.Arch,
            HardwareVirtualization = facts.HardwareVirtualization,
            KvmAvailable = facts.KvmAvailable,
            HostPassthroughSupported = facts.HostPassthroughSupported,
        };
    }

    private LibvirtHostHealth Health(LibvirtHostResult<LibvirtHostHealth> result)
    {
        var reconnects = hosts.TryGetValue(result.Uri, out var host) ? host.Connection?.Reconnects ?? 0 : 0;
        return result.Value is { } health
            ? health with { Uri = result.Uri, Reconnects = reconnects, Elapsed = result.Elapsed }
            : new LibvirtHostHealth { Uri = result.Uri, IsReachable = false, Reconnects = reconnects, Error = result.Error, Elapsed = result.Elapsed };
    }
}
