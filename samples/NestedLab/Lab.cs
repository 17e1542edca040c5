using LibvirtNested.Xml;
using LibvirtNested.Host;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Network;

namespace LibvirtNested.Samples;

/// <summary>The nested-virtualization walkthrough, one method per step.</summary>
internal sealed class Lab(LabOptions options, LibvirtConnection connection, TextWriter output)
{
    private readonly bool isTestDriver = options.IsTestDriver;
    private NestedReadinessReport? report;

    private bool IsLocalRealDriver => !isTestDriver && connection.Uri.Host.Length == 0;

    /// <summary>
    /// Checks everything the steps will use before the first of them changes anything: the host's role (for
    /// --write-modprobe), the documents the steps define (built in memory, so a value the library refuses fails here),
    /// the L1 guest and its edit on a real driver (a dry run, with the LUN's safety check), the installer and disk on
    /// this machine, and the perf reports.
    /// </summary>
    /// <returns>One message per problem; empty when the walkthrough can run.</returns>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        report = NestedVirtualizationProbe.Run(options.HostRoot);
        if (options.WriteModprobe && report.Role == HostRole.Guest)
        {
            problems.Add("--write-modprobe: this machine is a guest ('hypervisor' flag in /proc/cpuinfo); nested KVM is switched on at L0, " +
                "the host that runs it: write the remedy there.");
        }
        else if (options.WriteModprobe && report.CpuVendor is not (HostCpuVendor.Intel or HostCpuVendor.Amd))
        {
            problems.Add("--write-modprobe: no Intel or AMD CPU found, so there is no kvm_intel or kvm_amd option to write.");
        }

        Try(problems, "--network", () => NatNetwork());
        Try(problems, "--l2", () => Guests.NewL2(options));
        Try(problems, "--lun", () => Guests.EditL1(Guests.NewL1(options.L1), options.Lun, verifyDevice: null));
        if (!isTestDriver)
        {
            CheckRealL1(problems);
        }

        if (IsLocalRealDriver)
        {
            if (!File.Exists(options.Iso))
            {
                problems.Add($"--iso {options.Iso}: no such file on this machine.");
            }

            if (!File.Exists(options.Disk) && !Directory.Exists(Path.GetDirectoryName(options.Disk)))
            {
                problems.Add($"--disk {options.Disk}: neither the disk nor its directory exists on this machine.");
            }
        }

        problems.AddRange(VmExits.Problems(options));
        return problems;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        output.WriteLine($"Connected to {connection.Uri} (driver {connection.DriverType}, libvirt {connection.LibvirtVersion})" +
            (options.DryRun ? "; dry run: nothing will be changed." : "."));
        ProbeHost(report ?? NestedVirtualizationProbe.Run(options.HostRoot));
        DefineNetwork();
        EditL1();
        var l2Started = DefineL2();
        await ShowAddressesAsync(l2Started, cancellationToken).ConfigureAwait(false);
        Step(6, "VM exits before and after a change (perf kvm stat, e.g. enable_shadow_vmcs=1 on L0)");
        new VmExits(options, output).Compare(IsLocalRealDriver);
    }

    private static void Try(List<string> problems, string option, Action build)
    {
        try
        {
            build();
        }
        catch (Exception e) when (e is ArgumentException or LibvirtXmlException)
        {
            problems.Add($"{option}: {ErrorText.Of(e)}");
        }
    }

    /// <summary>On a real driver the L1 guest must exist, and the edit must pass as a dry run (which also runs the LUN's
    /// safety check on a local host).</summary>
    private void CheckRealL1(List<string> problems)
    {
        if (!connection.TryGetDomain(options.L1, out var l1))
        {
            problems.Add($"--l1: there is no guest '{options.L1}' on {options.Connect}. Create the L1 guest first (virt-install), or name it with --l1.");
            return;
        }

        using (l1)
        {
            try
            {
                var verify = DeviceCheck(quiet: true);
                l1.Edit(domain => Guests.EditL1(domain, options.Lun, verify), new EditOptions { DryRun = true });
            }
            catch (Exception e) when (e is ArgumentException or LibvirtXmlException or LibvirtException or BlockDeviceSafetyException)
            {
                problems.Add($"--lun {options.Lun}: {ErrorText.Of(e)}");
            }
        }
    }

    private static NetworkXml NatNetworkFor(string name) =>
        new NatNetworkBuilder(name)
            .WithBridge("virbr1")
            .WithSubnet("192.168.166.0/24")
            .WithDhcpRange("192.168.166.128", "192.168.166.254")
            .Build();

    private NetworkXml NatNetwork() => NatNetworkFor(options.Network);

    private void Step(int number, string title) => output.WriteLine($"\n== Step {number}: {title}");

    private void PrintDiff(string diff) => output.Write(diff.Length == 0 ? "   (no changes)\n" : diff);

    private void ProbeHost(NestedReadinessReport report)
    {
        Step(1, "nested-virtualization readiness of this machine (LibvirtNested.Host)");
        output.WriteLine(report);
        if (report.Role == HostRole.Guest)
        {
            // modprobe.d here would configure this guest's own KVM, not the nesting it runs in: that is set on L0.
            output.WriteLine("This machine is a guest (L1 or deeper): nested KVM is switched on at L0, the host that runs it " +
                "(see the remedies above); there is no modprobe.d change to make here.");
            return;
        }

        if (report.ModprobeRemedyVendor is not { } vendor)
        {
            output.WriteLine("No Intel or AMD KVM module or CPU flag found: there is no modprobe.d remedy to offer.");
            return;
        }

        var write = options.WriteModprobe && !options.DryRun;
        var result = write ? KvmModprobeConfig.WriteRemedy(vendor, options.HostRoot) : KvmModprobeConfig.PlanRemedy(vendor, options.HostRoot);
        output.WriteLine($"modprobe remedy ({(write ? "written" : "not written; pass --write-modprobe to write it")}):");
        output.WriteLine(result);
        PrintDiff(XmlTextDiff.Unified(result.Before ?? string.Empty, result.After, result.Before is null ? "/dev/null" : result.Path, result.Path));
    }

    private void DefineNetwork()
    {
        Step(2, $"NAT network '{options.Network}' for L2");
        var desired = NatNetwork();
        if (connection.TryGetNetwork(options.Network, out var existing))
        {
            using (existing)
            {
                // An existing network is reused as it is: redefining a network that guests use would disturb them.
                output.WriteLine($"Network '{options.Network}' exists (bridge {existing.BridgeName}); reusing it.");
                WriteOut("network.xml", existing.GetLiveXmlString());
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

        using var network = connection.DefineNetwork(desired);
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
        var verify = DeviceCheck(quiet: false);
        if (!connection.TryGetDomain(options.L1, out var l1))
        {
            // Only the test driver gets here (Check() requires L1 on a real one). It has no L1, so define the guest
            // virt-install would have left, and edit that: the diff below is the one virsh edit shows on a real L1.
            // On the test driver this changes nothing on the machine, so a dry run does it too.
            var created = Guests.NewL1(options.L1);
            l1 = connection.DefineDomain(created);
            output.WriteLine($"The test driver has no '{options.L1}'; defined one as virt-install leaves it (q35, host-model CPU, " +
                "virtio disk and NIC on 'default', serial console, SPICE graphics, guest agent channel).");
        }

        using (l1)
        {
            var result = l1!.Edit(domain => Guests.EditL1(domain, options.Lun, verify), new EditOptions { DryRun = options.DryRun });
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

    private Action<string>? DeviceCheck(bool quiet)
    {
        var say = quiet ? TextWriter.Null : output;
        if (options.SkipDeviceCheck)
        {
            say.WriteLine("Block-device safety check skipped (--skip-device-check).");
            return null;
        }

        if (isTestDriver)
        {
            say.WriteLine($"The test driver passes nothing to a real guest: {options.Lun} is not checked on this machine.");
            return null;
        }

        if (connection.Uri.Host.Length > 0)
        {
            say.WriteLine($"{options.Connect} is another machine: {options.Lun} cannot be checked from here.");
            return null;
        }

        return path =>
        {
            var usage = new BlockDeviceSafety().Ensure(path);
            say.WriteLine($"{path}: a block device, not mounted and not swap ({usage}).");
        };
    }

    private bool DefineL2()
    {
        Step(4, $"L2 guest '{options.L2}' (virt-install -n {options.L2} -r {options.Memory.Bytes >> 20} --vcpus={options.Vcpus} -l {options.Iso} --disk path={options.Disk} -w network={options.Network})");
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

        using var domain = connection.DefineDomain(l2);
        WriteOut("l2.xml", domain.GetInactiveXmlString());
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
