using LibvirtNested.Host.Internal;

namespace LibvirtNested.Host;

/// <summary>Checks whether the machine it runs on is ready for nested KVM guests: <c>/proc/cpuinfo</c> (vendor, <c>vmx</c>,
/// <c>svm</c>, <c>hypervisor</c>), <c>/sys/module/kvm_*</c> and their <c>parameters/</c> (<c>nested</c>,
/// <c>enable_shadow_vmcs</c>, <c>ept</c>), <c>/dev/kvm</c>, and <c>/etc/modprobe.d/*.conf</c>. On a host (L0) it answers "can
/// my guests run KVM guests of their own?"; inside a guest (L1) it answers "will my guests (L2) be able to use KVM?" and
/// points at the fix on L0. Never loads libvirt, never writes anything, never throws because a file is missing or garbled, and
/// never opens a file that is not a regular file for reading (a FIFO there is a finding, not a hang). <c>/dev/kvm</c> counts only
/// when it is (or links to) KVM's character device 10:232 and opens for reading and writing.</summary>
public static class NestedVirtualizationProbe
{
    private const string DevKvmPath = "/dev/kvm";
    private const string SysModulePath = "/sys/module";

    /// <summary>Runs every check under <paramref name="root"/>.</summary>
    /// <param name="root">The root directory to read from: <c>/</c> for the running system, a fixture tree in tests.</param>
    /// <returns>The report; missing or unreadable files are findings with verdict <see cref="ReadinessVerdict.Unknown"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="root"/> is null or empty.</exception>
    public static NestedReadinessReport Run(string root = "/") => RunWith(new HostRoot(root), SystemDeviceAccess.Instance);

    internal static NestedReadinessReport RunWith(HostRoot host, IDeviceAccess devices)
    {
        var cpuRead = host.Read(CpuInfo.Path);
        var cpu = cpuRead.Text is null ? null : CpuInfo.Parse(cpuRead.Text);
        var role = cpu?.Flags is null ? HostRole.Unknown : cpu.HasFlag("hypervisor") ? HostRole.Guest : HostRole.Host;
        var modules = ReadModules(host, out var modulesProblem);
        var vendor = cpu?.Vendor ?? HostCpuVendor.Unknown;
        var hardware = PickHardwareModule(modules, vendor);
        var remedyVendor = hardware?.Name switch
        {
            KvmModule.IntelName => (HostCpuVendor?)HostCpuVendor.Intel,
            KvmModule.AmdName => HostCpuVendor.Amd,
            _ when cpu?.HasFlag("vmx") == true => HostCpuVendor.Intel,
            _ when cpu?.HasFlag("svm") == true => HostCpuVendor.Amd,
            _ => (HostCpuVendor?)null,
        };
        var context = new ProbeContext(host, devices, cpuRead, cpu, role, modules, modulesProblem, hardware, remedyVendor);
        var modprobe = KvmModprobeConfig.Read(host, null, null);

        var findings = new List<ReadinessFinding>
        {
            CpuExtensions(context),
            Module(context),
            Nested(context),
            DevKvm(context),
        };
        if (hardware?.Name == KvmModule.IntelName)
        {
            findings.Add(IntelFeature(context, "enable_shadow_vmcs", ReadinessFindingIds.KvmShadowVmcs));
            findings.Add(IntelFeature(context, "ept", ReadinessFindingIds.KvmEpt));
        }

        if (remedyVendor is { } configVendor)
        {
            var module = configVendor == HostCpuVendor.Intel ? KvmModule.IntelName : KvmModule.AmdName;
            findings.Add(ModprobeSetting(context, modprobe, module, "nested", ReadinessFindingIds.ModprobeNested));
            if (configVendor == HostCpuVendor.Intel)
            {
                findings.Add(ModprobeSetting(context, modprobe, module, "enable_shadow_vmcs", ReadinessFindingIds.ModprobeShadowVmcs));
            }
        }

        return new NestedReadinessReport(
            host.Root, role, vendor, cpu?.VendorId, cpu?.HasFlag("vmx") == true, cpu?.HasFlag("svm") == true, modules, modprobe, findings,
            role == HostRole.Guest ? null : remedyVendor);
    }

    private static List<KvmModule> ReadModules(HostRoot host, out string? problem)
    {
        var modules = new List<KvmModule>();
        var names = host.List(SysModulePath, out problem, "kvm*");
        foreach (var name in names ?? [])
        {
            var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var parameterDirectory = SysModulePath + "/" + name + "/parameters";
            foreach (var parameter in host.List(parameterDirectory, out _) ?? [])
            {
                var read = host.Read(parameterDirectory + "/" + parameter);
                if (read.Text is not null)
                {
                    parameters[parameter] = read.Text.Trim();
                }
            }

            modules.Add(new KvmModule { Name = name, Parameters = parameters });
        }

        return modules;
    }

    private static KvmModule? PickHardwareModule(List<KvmModule> modules, HostCpuVendor vendor)
    {
        var preferred = vendor == HostCpuVendor.Amd ? KvmModule.AmdName : KvmModule.IntelName;
        return modules.FirstOrDefault(m => m.Name == preferred) ?? modules.FirstOrDefault(m => m.IsHardwareModule);
    }

    private static ReadinessFinding CpuExtensions(ProbeContext c)
    {
        var id = ReadinessFindingIds.CpuExtensions;
        if (c.Cpu is null)
        {
            return Finding(id, ReadinessVerdict.Unknown, true, "Cannot tell whether the CPU has vmx or svm: /proc/cpuinfo is " + c.CpuRead.Problem + ".",
                [c.CpuRead.ToEvidence()], null);
        }

        if (c.Cpu.Flags is null)
        {
            return Finding(id, ReadinessVerdict.Unknown, true, "Cannot tell whether the CPU has vmx or svm: /proc/cpuinfo has no 'flags' line.",
                [c.CpuRead.ToEvidence()], null);
        }

        var evidence = ReadinessEvidence.Of(CpuInfo.Path,
            $"vendor_id {c.Cpu.VendorId ?? "(none)"}; flags: vmx {YesNo(c.Cpu.HasFlag("vmx"))}, svm {YesNo(c.Cpu.HasFlag("svm"))}, hypervisor {YesNo(c.Cpu.HasFlag("hypervisor"))}");
        var extension = c.Cpu.HasFlag("vmx") ? "vmx (Intel VT-x)" : c.Cpu.HasFlag("svm") ? "svm (AMD-V)" : null;
        if (extension is not null)
        {
            var ready = c.Role == HostRole.Guest
                ? $"This guest sees {extension}: its own guests (L2) can use KVM."
                : $"The CPU has {extension}.";
            return Finding(id, ReadinessVerdict.Ready, true, ready, [evidence], null);
        }

        return c.Role == HostRole.Guest
            ? Finding(id, ReadinessVerdict.NotReady, true,
                "This machine is a guest and its CPU shows neither vmx nor svm: its own guests (L2) cannot use KVM.",
                [evidence], GuestRemedy)
            : Finding(id, ReadinessVerdict.NotReady, true,
                "The CPU shows neither vmx (Intel VT-x) nor svm (AMD-V).",
                [evidence], "Enable Intel VT-x (VMX) or AMD-V (SVM) in the firmware (BIOS/UEFI) setup and reboot; the flag then appears in /proc/cpuinfo.");
    }

    private static ReadinessFinding Module(ProbeContext c)
    {
        var id = ReadinessFindingIds.KvmModule;
        if (c.Modules.Count == 0 && c.ModulesProblem is not null)
        {
            return Finding(id, ReadinessVerdict.Unknown, true, "Cannot list the loaded kernel modules: /sys/module is " + c.ModulesProblem + ".",
                [ReadinessEvidence.Of(SysModulePath, "(" + c.ModulesProblem + ")")], null);
        }

        var evidence = ReadinessEvidence.Of(SysModulePath, c.Modules.Count == 0 ? "(no kvm* module)" : string.Join(", ", c.Modules.Select(m => m.Name)));
        if (c.Hardware is not null)
        {
            return Finding(id, ReadinessVerdict.Ready, true, $"{c.Hardware.Name} is loaded.", [evidence], null);
        }

        var others = c.Modules.Where(m => m.Name.StartsWith("kvm_", StringComparison.Ordinal)).Select(m => m.Name).ToList();
        var message = others.Count > 0
            ? $"Only {string.Join(", ", others)} is loaded, no kvm_intel or kvm_amd: /dev/kvm works without hardware virtualization extensions, so guests started here run but cannot use KVM themselves."
            : "No kvm_intel or kvm_amd module is loaded.";
        return Finding(id, ReadinessVerdict.NotReady, true, message, [evidence], LoadModuleRemedy(c));
    }

    private static ReadinessFinding Nested(ProbeContext c)
    {
        var id = ReadinessFindingIds.KvmNested;
        var required = c.Role != HostRole.Guest;
        if (c.Hardware is null)
        {
            var other = c.Modules.FirstOrDefault(m => m.Name.StartsWith("kvm_", StringComparison.Ordinal));
            var verdict = c.Modules.Count == 0 && c.ModulesProblem is not null ? ReadinessVerdict.Unknown : ReadinessVerdict.NotReady;
            var message = other is not null
                ? $"{other.Name} has no 'nested' parameter: guests started here cannot run KVM guests of their own."
                : "No kvm_intel or kvm_amd module is loaded, so there is no 'nested' parameter to read.";
            return Finding(id, verdict, required, message,
                [ReadinessEvidence.Of(SysModulePath + "/kvm_{intel,amd}/parameters/nested", "(no such module)")], null);
        }

        var path = $"{c.Hardware.Path}/parameters/nested";
        var read = c.Host.Read(path);
        var value = KernelValue.ParseBoolean(read.Text, out var problem);
        // On a guest, nesting in its own kvm module only matters for guests of its guests (L3); a local modprobe.d file
        // cannot help its guests (L2) use KVM, so no remedy is offered there.
        var remedy = c.Role == HostRole.Guest ? null : VendorRemedy(c.RemedyVendor);
        return value switch
        {
            true => Finding(id, ReadinessVerdict.Ready, required,
                c.Role == HostRole.Guest
                    ? $"{c.Hardware.Name} has nested on: guests of this guest may run KVM guests of their own."
                    : $"{c.Hardware.Name} has nested on: guests can run KVM guests of their own.",
                [read.ToEvidence()], null),
            false => Finding(id, ReadinessVerdict.NotReady, required,
                c.Role == HostRole.Guest
                    ? $"{c.Hardware.Name} has nested off: guests of this guest (L2) can use KVM, but cannot run KVM guests of their own."
                    : $"{c.Hardware.Name} has nested off: guests cannot see vmx/svm and cannot run KVM guests of their own.",
                [read.ToEvidence()], remedy),
            null => Finding(id, ReadinessVerdict.Unknown, required,
                $"Cannot tell whether {c.Hardware.Name} has nested on: {path} is {(read.Text is null ? read.Problem : problem)}.",
                [read.ToEvidence()], remedy),
        };
    }

    private static ReadinessFinding IntelFeature(ProbeContext c, string parameter, string id)
    {
        var path = $"/sys/module/{KvmModule.IntelName}/parameters/{parameter}";
        var read = c.Host.Read(path);
        var value = KernelValue.ParseBoolean(read.Text, out var problem);
        var cpuFeature = parameter == "enable_shadow_vmcs" ? "shadow_vmcs" : "ept";
        var evidence = new List<ReadinessEvidence> { read.ToEvidence() };
        var hardwareLacks = c.Cpu?.VmxFlags is { } vmxFlags && !vmxFlags.Contains(cpuFeature);
        if (c.Cpu?.VmxFlags is not null)
        {
            evidence.Add(ReadinessEvidence.Of(CpuInfo.Path, $"vmx flags: {cpuFeature} {YesNo(!hardwareLacks)}"));
        }

        var what = parameter == "enable_shadow_vmcs"
            ? "VMCS shadowing"
            : "EPT";
        var cost = parameter == "enable_shadow_vmcs"
            ? "every VMREAD and VMWRITE of a guest hypervisor exits to L0"
            : "nested guests fall back to slow shadow paging";
        return value switch
        {
            true => Finding(id, ReadinessVerdict.Ready, false, $"{what} is on ({parameter}=Y).", evidence, null),
            false when hardwareLacks => Finding(id, ReadinessVerdict.NotReady, false,
                $"{what} is off and the CPU does not support it ('{cpuFeature}' missing from 'vmx flags' in /proc/cpuinfo): {cost}.", evidence, null),
            false => Finding(id, ReadinessVerdict.NotReady, false, $"{what} is off ({parameter}=N): {cost}.", evidence,
                parameter == "enable_shadow_vmcs"
                    ? (c.Role == HostRole.Guest ? null : VendorRemedy(HostCpuVendor.Intel))
                    : "Remove 'ept=0' from every 'options kvm-intel' line in /etc/modprobe.d, then shut down every guest and run 'modprobe -r kvm_intel && modprobe kvm_intel' (or reboot)."),
            null => Finding(id, ReadinessVerdict.Unknown, false,
                $"Cannot tell whether {what} is on: {path} is {(read.Text is null ? read.Problem : problem)}.", evidence, null),
        };
    }

    private static ReadinessFinding DevKvm(ProbeContext c)
    {
        var id = ReadinessFindingIds.DevKvm;
        var real = c.Host.Map(DevKvmPath);
        var status = c.Devices.Stat(real, out var problem);
        if (status is null && problem == "missing")
        {
            return Finding(id, ReadinessVerdict.NotReady, true, "/dev/kvm does not exist: no KVM module provides it.",
                [ReadinessEvidence.Of(DevKvmPath, "(missing)")], LoadModuleRemedy(c));
        }

        if (status is null)
        {
            return Finding(id, ReadinessVerdict.Unknown, true, $"/dev/kvm cannot be examined: {problem}.",
                [ReadinessEvidence.Of(DevKvmPath, "(" + problem + ")")], null);
        }

        var link = c.Devices.LinkTarget(real);
        var evidence = ReadinessEvidence.Of(DevKvmPath, Describe(status) + (link is null ? string.Empty : $" (symbolic link to {link})"));
        if (!IsKvmDevice(status))
        {
            // A regular file, a FIFO or a link to /dev/null cannot give QEMU a KVM file descriptor, whatever it is called;
            // it must not even be opened (opening a FIFO blocks).
            return Finding(id, ReadinessVerdict.NotReady, true,
                $"/dev/kvm is {status.KindText}, not KVM's character device {KvmDeviceMajor}:{KvmDeviceMinor}: guests cannot use KVM through it.",
                [evidence],
                $"Remove /dev/kvm (rm /dev/kvm) and load the KVM module so that devtmpfs and udev create the device again "
                + $"(modprobe kvm), or create it by hand: mknod /dev/kvm c {KvmDeviceMajor} {KvmDeviceMinor}, then chgrp kvm /dev/kvm and chmod 660 /dev/kvm.");
        }

        // Opening is the test: the kernel checks the same permissions libvirt's QEMU will need.
        var opened = c.Devices.OpenReadWrite(real, out var openProblem);
        if (opened is null)
        {
            return Finding(id, ReadinessVerdict.NotReady, true,
                $"/dev/kvm is present but {Environment.UserName} cannot open it for reading and writing: {openProblem}",
                [evidence],
                "Add the user to the group owning /dev/kvm (usually 'kvm': usermod -aG kvm USER, then log in again), or run as root.");
        }

        if (!IsKvmDevice(opened))
        {
            return Finding(id, ReadinessVerdict.NotReady, true,
                $"/dev/kvm changed while it was checked: what opened is {opened.KindText}, not KVM's character device {KvmDeviceMajor}:{KvmDeviceMinor}.",
                [evidence, ReadinessEvidence.Of(DevKvmPath, "opened: " + Describe(opened))], null);
        }

        return Finding(id, ReadinessVerdict.Ready, true, $"/dev/kvm is KVM's character device and {Environment.UserName} can open it for reading and writing.",
            [evidence], null);
    }

    private const uint KvmDeviceMajor = 10;
    private const uint KvmDeviceMinor = 232;

    private static bool IsKvmDevice(UnixFileStatus status) =>
        status.Kind == UnixFileKind.CharacterDevice && status.DeviceMajor == KvmDeviceMajor && status.DeviceMinor == KvmDeviceMinor;

    private static string Describe(UnixFileStatus status) => status.Kind == UnixFileKind.CharacterDevice
        ? $"{status.ModeString} uid {status.Uid} gid {status.Gid}, character device {status.DeviceNumber}"
        : $"{status.ModeString} uid {status.Uid} gid {status.Gid}, {status.KindText}, not a character device";

    private static ReadinessFinding ModprobeSetting(ProbeContext c, KvmModprobeConfig config, string module, string parameter, string id)
    {
        var all = config.Find(module, parameter);
        // One piece of evidence per line, not per option: a line repeating the parameter thousands of times is shown once,
        // so the report stays linear in the size of the files.
        var evidence = all.DistinctBy(o => (o.File, o.LineNumber)).Select(o => ReadinessEvidence.Of($"{o.File}:{o.LineNumber}", o.Line)).ToList();
        evidence.AddRange(config.Problems);
        var vendor = module == KvmModule.IntelName ? HostCpuVendor.Intel : HostCpuVendor.Amd;
        var guest = c.Role == HostRole.Guest;
        var remedy = guest ? null : VendorRemedy(vendor);
        var activation = guest ? null : KvmModprobeConfig.ActivationText(vendor);
        var runtime = c.Hardware?.Name == module
            ? KernelValue.ParseBoolean(c.Hardware.GetParameter(parameter), out _)
            : null;
        var dashed = module.Replace('_', '-');
        if (all.Count == 0)
        {
            if (evidence.Count == 0)
            {
                evidence.Add(ReadinessEvidence.Of(KvmModprobeConfig.DirectoryPath + "/*.conf", $"(no 'options {dashed} {parameter}=…' line)"));
            }

            if (config.Problems.Count > 0)
            {
                return Finding(id, ReadinessVerdict.Unknown, false, $"Some of /etc/modprobe.d could not be read, so {parameter} for {module} may be set there.", evidence, null);
            }

            return runtime == true
                ? Finding(id, ReadinessVerdict.Ready, false, $"{parameter} is not set in /etc/modprobe.d; the kernel default (on) applies.", evidence, null)
                : Finding(id, ReadinessVerdict.NotReady, false, $"{parameter} is not set in /etc/modprobe.d.", evidence, remedy);
        }

        var winner = all[^1];
        var values = all.Select(o => o.BooleanValue).Distinct().ToList();
        var conflict = values.Count > 1 ? ConflictText(all) : string.Empty;
        var where = $"{winner.File}:{winner.LineNumber}";
        switch (winner.BooleanValue)
        {
            case true:
                var pending = runtime == false
                    ? $" It is not in effect yet: the loaded {module} still has {parameter} off. {KvmModprobeConfig.ActivationText(vendor)}"
                    : string.Empty;
                return Finding(id, runtime == false ? ReadinessVerdict.NotReady : ReadinessVerdict.Ready, false,
                    $"{parameter}={winner.Value ?? "(bare name)"} for {module} is set at {where}.{conflict}{pending}",
                    evidence, runtime == false ? activation : null);
            case false:
                var remedyFile = KvmModprobeConfig.RemedyPath(vendor);
                var readAfterRemedy = string.CompareOrdinal(Path.GetFileName(winner.File), Path.GetFileName(remedyFile)) > 0;
                var fix = guest ? null : readAfterRemedy
                    ? $"Change '{winner.Parameter}={winner.Value}' at {where} to '{winner.Parameter}=1' (that file is read after {remedyFile} and would still win). " + remedy
                    : remedy;
                return Finding(id, ReadinessVerdict.NotReady, false,
                    $"{parameter}={winner.Value} for {module} at {where}: it is off after the next module load or reboot.{conflict}", evidence, fix);
            default:
                return Finding(id, ReadinessVerdict.Unknown, false,
                    $"{parameter}={winner.Value} for {module} at {where} is not a value the kernel accepts for a boolean.{conflict}", evidence, remedy);
        }
    }

    /// <summary>The conflicting settings, each distinct value and place once and at most <see cref="MaxConflictsShown"/> of them,
    /// so the text is bounded however often a file repeats a parameter.</summary>
    private static string ConflictText(IReadOnlyList<ModprobeOption> all)
    {
        var distinct = all.DistinctBy(o => (o.Value, o.File, o.LineNumber)).ToList();
        var shown = string.Join("; ", distinct.Take(MaxConflictsShown).Select(o => $"{o.Parameter}={o.Value} at {o.File}:{o.LineNumber}"));
        var more = distinct.Count > MaxConflictsShown ? $"; and {distinct.Count - MaxConflictsShown} more" : string.Empty;
        return $" Conflicting values: {shown}{more}; the last one read wins (modprobe reads the files in name order).";
    }

    private const int MaxConflictsShown = 10;

    private static string? LoadModuleRemedy(ProbeContext c)
    {
        if (c.Cpu?.HasFlag("vmx") == true)
        {
            return "Load the module: modprobe kvm_intel.";
        }

        if (c.Cpu?.HasFlag("svm") == true)
        {
            return "Load the module: modprobe kvm_amd.";
        }

        return c.Role == HostRole.Guest ? GuestRemedy : null;
    }

    private static string? VendorRemedy(HostCpuVendor? vendor)
    {
        if (vendor is not (HostCpuVendor.Intel or HostCpuVendor.Amd))
        {
            return null;
        }

        var lines = string.Join("\n", KvmModprobeConfig.RemedyLines(vendor.Value).Select(l => "  " + l));
        return $"Write {KvmModprobeConfig.RemedyPath(vendor.Value)} containing\n{lines}\n(KvmModprobeConfig.WriteRemedy does this). {KvmModprobeConfig.ActivationText(vendor.Value)}";
    }

    private const string GuestRemedy =
        "Fix it on L0, the host running this guest: enable nesting there (Intel: 'options kvm-intel nested=1', AMD: 'options kvm-amd nested=1' in /etc/modprobe.d, then reload the module), give this guest <cpu mode='host-passthrough'/> in its domain XML (virsh edit), and shut it down and start it again.";

    private static ReadinessFinding Finding(
        string id, ReadinessVerdict verdict, bool required, string message, IReadOnlyList<ReadinessEvidence> evidence, string? remedy) =>
        new()
        {
            Id = id,
            Verdict = verdict,
            Required = required,
            Message = message,
            Evidence = evidence,
            Remedy = remedy,
        };

    private static string YesNo(bool value) => value ? "yes" : "no";

    private sealed record ProbeContext(
        HostRoot Host,
        IDeviceAccess Devices,
        FileReadResult CpuRead,
        CpuInfo? Cpu,
        HostRole Role,
        IReadOnlyList<KvmModule> Modules,
        string? ModulesProblem,
        KvmModule? Hardware,
        HostCpuVendor? RemedyVendor);
}
