using LibvirtNested.Xml;
using LibvirtNested.Host;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Network;

namespace LibvirtNested.Samples;

/// <summary>The nested-virtualization walkthrough, one method per step.</summary>
internal sealed class Lab(LabOptions options, LibvirtConnection connection, TextWriter output)
{
    private readonly bool isTestDriver = options.Connect.StartsWith("test:", StringComparison.Ordinal);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        output.WriteLine($"Connected to {connection.Uri} (driver {connection.DriverType}, libvirt {connection.LibvirtVersion})" +
            (options.DryRun ? "; dry run: nothing will be changed." : "."));
        ProbeHost();
        DefineNetwork();
        EditL1();
        var l2Started = DefineL2();
        await ShowAddressesAsync(l2Started, cancellationToken).ConfigureAwait(false);
    }

    private void Step(int number, string title) => output.WriteLine($"\n== Step {number}: {title}");

    private void PrintDiff(string diff) => output.Write(diff.Length == 0 ? "   (no changes)\n" : diff);

    private void ProbeHost()
    {
        Step(1, "nested-virtualization readiness of this machine (LibvirtNested.Host)");
        var report = NestedVirtualizationProbe.Run();
        output.WriteLine(report);
        if (report.ModprobeRemedyVendor is not { } vendor)
        {
            output.WriteLine(report.Role == HostRole.Guest
                ? "This machine is a guest: a local modprobe.d file cannot let its guests use KVM; nesting is enabled on the host running it (L0)."
                : "No Intel or AMD KVM module or CPU flag found: there is no modprobe.d remedy to offer.");
            return;
        }

        var write = options.WriteModprobe && !options.DryRun;
        var result = write ? KvmModprobeConfig.WriteRemedy(vendor) : KvmModprobeConfig.PlanRemedy(vendor);
        output.WriteLine($"modprobe remedy ({(write ? "written" : "not written; pass --write-modprobe to write it")}):");
        output.WriteLine(result);
        PrintDiff(XmlTextDiff.Unified(result.Before ?? string.Empty, result.After, result.Before is null ? "/dev/null" : result.Path, result.Path));
    }

    private void DefineNetwork()
    {
        Step(2, $"NAT network '{options.Network}' for L2");
        var desired = new NatNetworkBuilder(options.Network)
            .WithBridge("virbr1")
            .WithSubnet("192.168.166.0/24")
            .WithDhcpRange("192.168.166.128", "192.168.166.254")
            .Build();
        if (connection.TryGetNetwork(options.Network, out var existing))
        {
            using (existing)
            {
                // An existing network is reused as it is: redefining a network that guests use would disturb them.
                output.WriteLine($"Network '{options.Network}' exists (bridge {existing.BridgeName}); reusing it.");
                WriteOut("network.xml", existing.GetXmlString());
                EnsureActive(existing);
            }

            return;
        }

        output.WriteLine($"Defining network '{options.Network}': bridge virbr1, 192.168.166.0/24, DHCP .128-.254, NAT.");
        PrintDiff(XmlTextDiff.Unified(string.Empty, desired.ToXmlString(), "/dev/null", "network.xml"));
        WriteOut("network.xml", desired.ToXmlString());
        if (options.DryRun)
        {
            return;
        }

        using var network = connection.DefineNetwork(desired, validate: true);
        network.Autostart = true;
        EnsureActive(network);
    }

    private void EnsureActive(LibvirtNetwork network)
    {
        if (network.IsActive)
        {
            output.WriteLine($"Network '{network.Name}' is active.");
        }
        else if (options.DryRun)
        {
            output.WriteLine($"Would start network '{network.Name}'.");
        }
        else
        {
            network.Start();
            output.WriteLine($"Started network '{network.Name}'.");
        }
    }

    private void EditL1()
    {
        Step(3, $"L1 guest '{options.L1}': host-passthrough CPU, virtio-scsi controller, LUN {options.Lun}");
        var verify = DeviceCheck();
        if (!connection.TryGetDomain(options.L1, out var l1))
        {
            if (!isTestDriver)
            {
                throw new InvalidOperationException(
                    $"There is no guest '{options.L1}' on {options.Connect}. Create the L1 guest first, or name it with --l1.");
            }

            var created = Guests.NewL1(options.L1);
            Guests.EditL1(created, options.Lun, verify);
            output.WriteLine($"The test driver has no '{options.L1}'; {(options.DryRun ? "would define" : "defining")} one, already edited:");
            PrintDiff(XmlTextDiff.Unified(string.Empty, created.ToXmlString(), "/dev/null", $"{options.L1}.xml"));
            if (!options.DryRun)
            {
                using var defined = connection.DefineDomain(created, validate: true);
                WriteOut("l1.xml", defined.GetXmlString(inactive: true));
            }
            else
            {
                WriteOut("l1.xml", created.ToXmlString());
            }

            return;
        }

        using (l1)
        {
            var result = l1.Edit(domain => Guests.EditL1(domain, options.Lun, verify), new EditOptions { DryRun = options.DryRun });
            output.WriteLine(!result.Changed
                ? $"'{options.L1}' already has all three; nothing to change."
                : result.Applied ? $"Edited '{options.L1}' (atomically, like virsh edit):" : $"Would edit '{options.L1}':");
            PrintDiff(result.Diff);
            if (l1.IsActive && result.Applied)
            {
                output.WriteLine($"'{options.L1}' is running: the new definition takes effect at its next boot.");
            }

            WriteOut("l1.xml", result.Xml.ToXmlString());
        }
    }

    private Action<string>? DeviceCheck()
    {
        if (options.SkipDeviceCheck)
        {
            output.WriteLine("Block-device safety check skipped (--skip-device-check).");
            return null;
        }

        if (isTestDriver)
        {
            output.WriteLine($"The test driver passes nothing to a real guest: {options.Lun} is not checked on this machine.");
            return null;
        }

        if (connection.Uri.Host.Length > 0)
        {
            output.WriteLine($"{options.Connect} is another machine: {options.Lun} cannot be checked from here.");
            return null;
        }

        return path =>
        {
            var usage = new BlockDeviceSafety().Ensure(path);
            output.WriteLine($"{path}: a block device, not mounted and not swap ({usage}).");
        };
    }

    private bool DefineL2()
    {
        Step(4, $"L2 guest '{options.L2}' (virt-install -n {options.L2} -r {options.MemoryBytes >> 20} --vcpus={options.Vcpus} -l {options.Iso} --disk path={options.Disk} -w network={options.Network})");
        if (connection.TryGetDomain(options.L2, out var existing))
        {
            using (existing)
            {
                var result = existing.Edit(domain => Guests.UpdateL2(domain, options), new EditOptions { DryRun = options.DryRun });
                output.WriteLine(!result.Changed
                    ? $"'{options.L2}' exists and matches; nothing to change."
                    : result.Applied ? $"'{options.L2}' exists; updated it:" : $"'{options.L2}' exists; would update it:");
                PrintDiff(result.Diff);
                WriteOut("l2.xml", result.Xml.ToXmlString());
                return StartL2(existing);
            }
        }

        var l2 = Guests.NewL2(options);
        var xml = l2.ToXmlString();
        output.WriteLine(options.DryRun ? $"Would define '{options.L2}':" : $"Defining '{options.L2}':");
        PrintDiff(XmlTextDiff.Unified(string.Empty, xml, "/dev/null", $"{options.L2}.xml"));
        if (options.DryRun)
        {
            WriteOut("l2.xml", xml);
            return false;
        }

        using var domain = connection.DefineDomain(l2, validate: true);
        WriteOut("l2.xml", domain.GetXmlString(inactive: true));
        return StartL2(domain);
    }

    private bool StartL2(LibvirtDomain domain)
    {
        if (domain.IsActive)
        {
            output.WriteLine($"'{domain.Name}' is running.");
            return true;
        }

        if (options.DryRun)
        {
            output.WriteLine($"Would start '{domain.Name}'.");
            return false;
        }

        try
        {
            domain.Start();
        }
        catch (LibvirtUnsupportedOperationException e)
        {
            output.WriteLine($"This driver cannot start guests ({e.LibvirtMessage}); '{domain.Name}' stays defined.");
            return false;
        }

        output.WriteLine($"Started '{domain.Name}'.");
        return true;
    }

    private async Task ShowAddressesAsync(bool started, CancellationToken cancellationToken)
    {
        Step(5, $"addresses of '{options.L2}' (instead of nmap -sP 192.168.166.0/24)");
        if (!started)
        {
            output.WriteLine($"'{options.L2}' is not running; no addresses to show.");
            return;
        }

        using var domain = connection.GetDomain(options.L2);
        var waitOptions = new DomainAddressWaitOptions { Progress = new WaitProgress(output, options.Wait) };
        var interfaces = await domain.WaitForAddressesAsync(options.Wait, waitOptions, cancellationToken).ConfigureAwait(false);
        foreach (var nic in interfaces)
        {
            output.WriteLine($"{nic.Name} {nic.MacAddress}: {string.Join(", ", nic.Addresses)}");
        }

        if (isTestDriver)
        {
            output.WriteLine("(The test driver makes these addresses up; a real daemon reports the DHCP leases of the network.)");
            return;
        }

        using var network = connection.GetNetwork(options.Network);
        foreach (var lease in network.GetDhcpLeases())
        {
            output.WriteLine($"lease: {lease}");
        }
    }

    private void WriteOut(string fileName, string xml)
    {
        if (options.OutDirectory is null)
        {
            return;
        }

        Directory.CreateDirectory(options.OutDirectory);
        var path = Path.Combine(options.OutDirectory, fileName);
        File.WriteAllText(path, xml);
        output.WriteLine($"Wrote {path}.");
    }

    /// <summary>Reports each poll at once (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class WaitProgress(TextWriter output, TimeSpan timeout) : IProgress<IReadOnlyList<DomainInterfaceAddresses>>
    {
        private readonly DateTime start = DateTime.UtcNow;

        public void Report(IReadOnlyList<DomainInterfaceAddresses> value)
        {
            var seen = value.Sum(nic => nic.Addresses.Count);
            output.WriteLine($"   waiting for an address: {(DateTime.UtcNow - start).TotalSeconds:0}s of {timeout.TotalSeconds:0}s, {seen} address(es) so far");
        }
    }
}
