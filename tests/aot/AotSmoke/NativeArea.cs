using System.Net;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Capabilities;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Network;

namespace LibvirtNested.AotSmoke;

/// <summary>The native client on test:///default: connections, domains, edits, devices, networks, storage and errors.</summary>
internal static class NativeArea
{
    public const string Uri = "test:///default";

    public static async Task RunAsync(SmokeRun run, string workDirectory)
    {
        using var connection = LibvirtConnection.Open(Uri);
        run.Equal("open: driver type", "TEST", connection.DriverType);
        run.Check("open: alive, versions and host name", connection.IsAlive && connection.LibvirtVersion.Major >= 9 && connection.HostName.Length > 0);
        using (var readOnly = LibvirtConnection.OpenReadOnly(Uri))
        {
            run.Check("open read-only", readOnly.IsAlive);
        }

        using (var authenticated = LibvirtConnection.OpenAuthenticated(Uri, "aot", "not-asked-by-the-test-driver"))
        {
            run.Check("open with credentials", authenticated.IsAlive);
        }

        CapabilitiesXml capabilities = connection.GetCapabilities();
        run.Check("capabilities parsed into the Xml model", capabilities.Guests.Count > 0 && capabilities.Host is not null);

        Domains(run, connection);
        await AsyncForms(run).ConfigureAwait(false);
        Networks(run, connection);
        Storage(run, connection, workDirectory);
        Errors(run, connection);
    }

    private static void Domains(SmokeRun run, LibvirtConnection connection)
    {
        var xml = new DomainBuilder("aot-native").WithMemory(DataSize.FromMebibytes(256)).WithFileDisk("/var/lib/libvirt/images/aot.qcow2").Build();
        using var domain = connection.DefineDomain(xml);
        run.Check("define: persistent and shut off", domain.IsPersistent && !domain.IsActive);
        run.Equal("look up by UUID", domain.Name, connection.GetDomain(domain.Uuid).Name);
        run.Check("TryGetDomain finds it", connection.TryGetDomain("aot-native", out var found) && found!.Uuid == domain.Uuid);
        found?.Dispose();

        var dryRun = connection.EditDomain("aot-native", d => d.UseHostPassthrough(), new EditOptions { DryRun = true });
        run.Check("dry-run edit: a diff, nothing applied", dryRun.Changed && !dryRun.Applied && dryRun.Diff.Contains("host-passthrough", StringComparison.Ordinal), dryRun.ToString());
        var edit = connection.EditDomain("aot-native", d =>
        {
            d.UseHostPassthrough();
            d.EnsureVirtioScsiController();
            d.AddLunDisk("/dev/sdb");
            d.AddNetworkInterface("default");
        });
        run.Check("edit applied atomically", edit.Applied && edit.Attempts >= 1, edit.ToString());
        var inactive = domain.GetInactiveXml();
        run.Equal("edit read back: host-passthrough", DomainCpuMode.HostPassthrough, inactive.Cpu?.Mode);
        run.Equal("edit read back: the LUN", 1, inactive.Devices.Disks.Count(d => d.Device == DomainDiskDevice.Lun));
        run.Check("second edit is idempotent", !domain.Edit(d => d.UseHostPassthrough()).Changed);

        domain.Start();
        run.Equal("start: running", DomainState.Running, domain.GetState().State);
        domain.Suspend();
        run.Equal("suspend: paused", DomainState.Paused, domain.GetState().State);
        domain.Resume();
        run.Check("live XML has an id", domain.GetLiveXml().Element.Attribute("id") is not null);
        run.Check("live XML string", domain.GetLiveXmlString().Contains("aot-native", StringComparison.Ordinal));
        run.Check("list active domains", connection.ListDomains(LibvirtListFilter.Active).Any(d => d.Name == "aot-native"));
        // The test driver of libvirt 9.0.0 has no device attach: the call's path and its typed refusal are what run here.
        run.Throws<LibvirtUnsupportedOperationException>("attach a disk: the test driver's refusal is typed",
            () => domain.AttachDevice(new DomainBuilder("x").WithMemory(DataSize.FromMebibytes(128)).WithFileDisk("/var/lib/libvirt/images/extra.qcow2").Build().Devices.Disks[0], DomainModificationScope.Config));
        domain.Autostart = true;
        run.Check("autostart", domain.Autostart);
        domain.Destroy();
        domain.Undefine();
        run.Check("undefine: gone", !connection.TryGetDomain("aot-native", out _));
    }

    private static async Task AsyncForms(SmokeRun run)
    {
        using var connection = await LibvirtConnection.OpenAsync(Uri).ConfigureAwait(false);
        using var domain = await connection.DefineDomainAsync(new DomainBuilder("aot-async").WithMemory(DataSize.FromMebibytes(128)).Build(), DomainDefineOptions.Validate, CancellationToken.None).ConfigureAwait(false);
        await domain.StartAsync().ConfigureAwait(false);
        run.Equal("async: start and state", DomainState.Running, (await domain.GetStateAsync().ConfigureAwait(false)).State);
        run.Equal("async: live XML", "aot-async", (await domain.GetLiveXmlAsync().ConfigureAwait(false)).Name);
        await domain.DestroyAsync().ConfigureAwait(false);
        await domain.UndefineAsync().ConfigureAwait(false);
        run.Check("async: undefined", !connection.TryGetDomain("aot-async", out _));
    }

    private static void Networks(SmokeRun run, LibvirtConnection connection)
    {
        var xml = new NatNetworkBuilder("aot-nat").WithBridge("virbr-aotn").WithSubnet("192.168.179.0/24").WithDhcpRange("192.168.179.100", "192.168.179.200").Build();
        using var network = connection.DefineNetwork(xml);
        network.Start();
        network.Autostart = true;
        run.Check("network: defined, started, autostarted", network.IsActive && network.IsPersistent && network.Autostart);
        run.Equal("network: bridge name", "virbr-aotn", network.BridgeName);
        network.AddDhcpHost("52:54:00:12:34:56", IPAddress.Parse("192.168.179.12"), "aot-l2");
        run.Equal("network: DHCP host added", "192.168.179.12", network.GetLiveXml().Ipv4?.Dhcp?.FindHost("52:54:00:12:34:56")?.Ip);
        network.RemoveDhcpHost("52:54:00:12:34:56");
        run.Equal("network: DHCP host removed", 0, network.GetLiveXml().Ipv4?.Dhcp?.Hosts.Count ?? 0);
        run.Throws<LibvirtException>("network: DHCP leases are unsupported by the test driver, typed", () => network.GetDhcpLeases());
        run.Check("network: listed", connection.ListNetworks().Any(n => n.Name == "aot-nat"));
        network.Destroy();
        network.Undefine();
        run.Check("network: gone", !connection.TryGetNetwork("aot-nat", out _));
    }

    private static void Storage(SmokeRun run, LibvirtConnection connection, string workDirectory)
    {
        using var pool = connection.DefineDirectoryPool("aot-pool", Path.Combine(workDirectory, "pool"));
        pool.Build();
        pool.Start();
        using var volume = pool.CreateVolume("aot.qcow2", 1L << 30);
        run.Equal("storage: volume capacity", 1UL << 30, volume.GetXml().CapacityBytes);
        run.Check("storage: volume found", pool.TryGetVolume("aot.qcow2", out var again) && again!.Name == "aot.qcow2");
        again?.Dispose();
        volume.Delete();
        pool.Refresh();
        run.Check("storage: volume deleted", !pool.TryGetVolume("aot.qcow2", out _));
        run.Equal("storage: pool XML", "aot-pool", pool.GetLiveXml().Name);
        pool.Destroy();
        pool.Undefine();
        run.Check("storage: pool gone", !connection.TryGetStoragePool("aot-pool", out _));
    }

    private static void Errors(SmokeRun run, LibvirtConnection connection)
    {
        var missing = run.Throws<LibvirtNotFoundException>("not found is typed", () => connection.GetDomain("aot-no-such-guest"));
        run.Equal("not found carries VIR_ERR_NO_DOMAIN", 42, missing?.Code);
        run.Throws<LibvirtException>("malformed XML is typed", () => connection.DefineDomain("<domain type='test'><name>x</name>"));
        run.Throws<LibvirtConnectionFailedException>("an unknown driver fails to open, typed", () => LibvirtConnection.Open("nosuchdriver:///nowhere"));
        var schema = run.Throws<LibvirtException>("schema validation is typed",
            () => connection.DefineDomain("<domain type='test'><name>aot-invalid</name><memory>nope</memory><os><type>hvm</type></os></domain>"));
        run.Check("libvirt's message is kept", schema?.LibvirtMessage?.Length > 0);
    }
}
