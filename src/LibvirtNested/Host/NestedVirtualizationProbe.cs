using LibvirtNested.Host.Internal;

namespace LibvirtNested.Host;

/// <summary>Checks whether the machine it runs on is ready for nested KVM guests: <c>/proc/cpuinfo</c> (vendor, <c>vmx</c>,
/// <c>svm</c>, <c>hypervisor</c>), <c>/sys/module/kvm_*</c> and their <c>parameters/</c> (<c>nested</c>,
/// <c>enable_shadow_vmcs</c>, <c>ept</c>), <c>/dev/kvm</c>, and <c>/etc/modprobe.d/*.conf</c>. On a host (L0) it answers "can
/// my guests run KVM guests of their own?"; inside a guest (L1) it answers "will my guests (L2) be able to use KVM?" and
/// points at the fix on L0. Never loads libvirt, never writes anything, never throws because a file is missing or garbled.</summary>
public static class NestedVirtualizationProbe
{
    private const string DevKvmPath = "/dev/kvm";
    private const string SysModulePath = "/sys/module";

    /// <summary>Runs every check under <paramref name="root"/>.</summary>
    /// <param name="root">The root directory to read from: <c>/</c> for the running system, a fixture tree in tests.</param>
    /// <returns>The report; missing or unreadable files are findings with verdict <see cref="ReadinessVerdict.Unknown"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="root"/> is null or empty.</exception>
    public static NestedReadinessReport Run(string root = "/")
    {
        var host = new HostRoot(root);
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
        var context = new ProbeContext(host, cpuRead, cpu, role, modules, modulesProblem, hardware, remedyVendor);
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
            host.Root, role, vendor, cpu?.VendorId, cpu?.HasFlag("vmx") == true, cpu?.HasFlag("svm") == true, modules, modprobe, findings);
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

            modules.Add(new KvmModule(name, parameters));
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
            return new(id, ReadinessVerdict.Unknown, true, "Cannot tell whether the CPU has vmx or svm: /proc/cpuinfo is " + c.CpuRead.Problem + ".",
                [c.CpuRead.ToEvidence()], null);
        }

        if (c.Cpu.Flags is null)
        {
            return new(id, ReadinessVerdict.Unknown, true, "Cannot tell whether the CPU has vmx or svm: /proc/cpuinfo has no 'flags' line.",
                [c.CpuRead.ToEvidence()], null);
        }

        var evidence = new ReadinessEvidence(CpuInfo.Path,
            $"vendor_id {c.Cpu.VendorId ?? "(none)"}; flags: vmx {YesNo(c.Cpu.HasFlag("vmx"))}, svm {YesNo(c.Cpu.HasFlag("svm"))}, hypervisor {YesNo(c.Cpu.HasFlag("hypervisor"))}");
        var extension = c.Cpu.HasFlag("vmx") ? "vmx (Intel VT-x)" : c.Cpu.HasFlag("svm") ? "svm (AMD-V)" : null;
        if (extension is not null)
        {
            var ready = c.Role == HostRole.Guest
                ? $"This guest sees {extension}: its own guests (L2) can use KVM."
                : $"The CPU has {extension}.";
            return new(id, ReadinessVerdict.Ready, true, ready, [evidence], null);
        }

        return c.Role == HostRole.Guest
            ? new(id, ReadinessVerdict.NotReady, true,
                "This machine is a guest and its CPU shows neither vmx nor svm: its own guests (L2) cannot use KVM.",
                [evidence], GuestRemedy)
            : new(id, ReadinessVerdict.NotReady, true,
                "The CPU shows neither vmx (Intel VT-x) nor svm (AMD-V).",
                [evidence], "Enable Intel VT-x (VMX) or AMD-V (SVM) in the firmware (BIOS/UEFI) setup and reboot; the flag then appears in /proc/cpuinfo.");
    }

    private static ReadinessFinding Module(ProbeContext c)
    {
        var id = ReadinessFindingIds.KvmModule;
        if (c.Modules.Count == 0 && c.ModulesProblem is not null)
        {
            return new(id, ReadinessVerdict.Unknown, true, "Cannot list the loaded kernel modules: /sys/module is " + c.ModulesProblem + ".",
                [new ReadinessEvidence(SysModulePath, "(" + c.ModulesProblem + ")")], null);
        }

        var evidence = new ReadinessEvidence(SysModulePath, c.Modules.Count == 0 ? "(no kvm* module)" : string.Join(", ", c.Modules.Select(m => m.Name)));
        if (c.Hardware is not null)
        {
            return new(id, ReadinessVerdict.Ready, true, $"{c.Hardware.Name} is loaded.", [evidence], null);
        }

        var others = c.Modules.Where(m => m.Name.StartsWith("kvm_", StringComparison.Ordinal)).Select(m => m.Name).ToList();
        var message = others.Count > 0
            ? $"Only {string.Join(", ", others)} is loaded, no kvm_intel or kvm_amd: /dev/kvm works without hardware virtualization extensions, so guests started here run but cannot use KVM themselves."
            : "No kvm_intel or kvm_amd module is loaded.";
        return new(id, ReadinessVerdict.NotReady, true, message, [evidence], LoadModuleRemedy(c));
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
            return new(id, verdict, required, message,
                [new ReadinessEvidence(SysModulePath + "/kvm_{intel,amd}/parameters/nested", "(no such module)")], null);
        }

        var path = $"{c.Hardware.Path}/parameters/nested";
        var read = c.Host.Read(path);
        var value = KernelValue.ParseBoolean(read.Text, out var problem);
        var remedy = VendorRemedy(c.RemedyVendor);
        return value switch
        {
            true => new(id, ReadinessVerdict.Ready, required,
                c.Role == HostRole.Guest
                    ? $"{c.Hardware.Name} has nested on: guests of this guest may run KVM guests of their own."
                    : $"{c.Hardware.Name} has nested on: guests can run KVM guests of their own.",
                [read.ToEvidence()], null),
            false => new(id, ReadinessVerdict.NotReady, required,
                c.Role == HostRole.Guest
                    ? $"{c.Hardware.Name} has nested off: guests of this guest (L2) can use KVM, but cannot run KVM guests of their own."
                    : $"{c.Hardware.Name} has nested off: guests cannot see vmx/svm and cannot run KVM guests of their own.",
                [read.ToEvidence()], remedy),
            null => new(id, ReadinessVerdict.Unknown, required,
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
            evidence.Add(new ReadinessEvidence(CpuInfo.Path, $"vmx flags: {cpuFeature} {YesNo(!hardwareLacks)}"));
        }

        var what = parameter == "enable_shadow_vmcs"
            ? "VMCS shadowing"
            : "EPT";
        var cost = parameter == "enable_shadow_vmcs"
            ? "every VMREAD and VMWRITE of a guest hypervisor exits to L0"
            : "nested guests fall back to slow shadow paging";
        return value switch
        {
            true => new(id, ReadinessVerdict.Ready, false, $"{what} is on ({parameter}=Y).", evidence, null),
            false when hardwareLacks => new(id, ReadinessVerdict.NotReady, false,
                $"{what} is off and the CPU does not support it ('{cpuFeature}' missing from 'vmx flags' in /proc/cpuinfo): {cost}.", evidence, null),
            false => new(id, ReadinessVerdict.NotReady, false, $"{what} is off ({parameter}=N): {cost}.", evidence,
                parameter == "enable_shadow_vmcs"
                    ? VendorRemedy(HostCpuVendor.Intel)
                    : "Remove 'ept=0' from every 'options kvm-intel' line in /etc/modprobe.d, then shut down every guest and run 'modprobe -r kvm_intel && modprobe kvm_intel' (or reboot)."),
            null => new(id, ReadinessVerdict.Unknown, false,
                $"Cannot tell whether {what} is on: {path} is {(read.Text is null ? read.Problem : problem)}.", evidence, null),
        };
    }

    private static ReadinessFinding DevKvm(ProbeContext c)
    {
        var id = ReadinessFindingIds.DevKvm;
        var real = c.Host.Map(DevKvmPath);
        var status = UnixFileStatus.TryGet(real, out var problem);
        if (status is null && problem == "missing")
        {
            return new(id, ReadinessVerdict.NotReady, true, "/dev/kvm does not exist: no KVM module provides it.",
                [new ReadinessEvidence(DevKvmPath, "(missing)")], LoadModuleRemedy(c));
        }

        var description = status is null
            ? "(" + problem + ")"
            : status.Kind == UnixFileKind.CharacterDevice
                ? $"{status.ModeString} uid {status.Uid} gid {status.Gid}, character device {status.DeviceNumber}"
                : $"{status.ModeString} uid {status.Uid} gid {status.Gid}, not a character device";
        try
        {
            using (File.OpenHandle(real, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
                // Opening is the test: the kernel checks the same permissions libvirt's QEMU will need.
            }

            return new(id, ReadinessVerdict.Ready, true, $"/dev/kvm is present and {Environment.UserName} can open it for reading and writing.",
                [new ReadinessEvidence(DevKvmPath, description)], null);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            return new(id, ReadinessVerdict.NotReady, true,
                $"/dev/kvm is present but {Environment.UserName} cannot open it for reading and writing: {exception.Message}",
                [new ReadinessEvidence(DevKvmPath, description)],
                "Add the user to the group owning /dev/kvm (usually 'kvm': usermod -aG kvm USER, then log in again), or run as root.");
        }
    }

    private static ReadinessFinding ModprobeSetting(ProbeContext c, KvmModprobeConfig config, string module, string parameter, string id)
    {
        var all = config.Find(module, parameter);
        var evidence = all.Select(o => new ReadinessEvidence($"{o.File}:{o.LineNumber}", o.Line)).ToList();
        evidence.AddRange(config.Problems);
        var vendor = module == KvmModule.IntelName ? HostCpuVendor.Intel : HostCpuVendor.Amd;
        var remedy = VendorRemedy(vendor);
        var runtime = c.Hardware?.Name == module
            ? KernelValue.ParseBoolean(c.Hardware.GetParameter(parameter), out _)
            : null;
        var dashed = module.Replace('_', '-');
        if (all.Count == 0)
        {
            if (evidence.Count == 0)
            {
                evidence.Add(new ReadinessEvidence(KvmModprobeConfig.DirectoryPath + "/*.conf", $"(no 'options {dashed} {parameter}=…' line)"));
            }

            if (config.Problems.Count > 0)
            {
                return new(id, ReadinessVerdict.Unknown, false, $"Some of /etc/modprobe.d could not be read, so {parameter} for {module} may be set there.", evidence, null);
            }

            return runtime == true
                ? new(id, ReadinessVerdict.Ready, false, $"{parameter} is not set in /etc/modprobe.d; the kernel default (on) applies.", evidence, null)
                : new(id, ReadinessVerdict.NotReady, false, $"{parameter} is not set in /etc/modprobe.d.", evidence, remedy);
        }

        var winner = all[^1];
        var values = all.Select(o => o.BooleanValue).Distinct().ToList();
        var conflict = values.Count > 1
            ? $" Conflicting values: {string.Join("; ", all.Select(o => $"{o.Parameter}={o.Value} at {o.File}:{o.LineNumber}"))}; the last one read wins (modprobe reads the files in name order)."
            : string.Empty;
        var where = $"{winner.File}:{winner.LineNumber}";
        switch (winner.BooleanValue)
        {
            case true:
                var pending = runtime == false
                    ? $" It is not in effect yet: the loaded {module} still has {parameter} off. {KvmModprobeConfig.ActivationText(vendor)}"
                    : string.Empty;
                return new(id, runtime == false ? ReadinessVerdict.NotReady : ReadinessVerdict.Ready, false,
                    $"{parameter}={winner.Value ?? "(bare name)"} for {module} is set at {where}.{conflict}{pending}",
                    evidence, runtime == false ? KvmModprobeConfig.ActivationText(vendor) : null);
            case false:
                var remedyFile = KvmModprobeConfig.RemedyPath(vendor);
                var readAfterRemedy = string.CompareOrdinal(Path.GetFileName(winner.File), Path.GetFileName(remedyFile)) > 0;
                var fix = readAfterRemedy
                    ? $"Change '{winner.Parameter}={winner.Value}' at {where} to '{winner.Parameter}=1' (that file is read after {remedyFile} and would still win). " + remedy
                    : remedy;
                return new(id, ReadinessVerdict.NotReady, false,
                    $"{parameter}={winner.Value} for {module} at {where}: it is off after the next module load or reboot.{conflict}", evidence, fix);
            default:
                return new(id, ReadinessVerdict.Unknown, false,
                    $"{parameter}={winner.Value} for {module} at {where} is not a value the kernel accepts for a boolean.{conflict}", evidence, remedy);
        }
    }

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

    private static string YesNo(bool value) => value ? "yes" : "no";

    private sealed record ProbeContext(
        HostRoot Host,
        FileReadResult CpuRead,
        CpuInfo? Cpu,
        HostRole Role,
        IReadOnlyList<KvmModule> Modules,
        string? ModulesProblem,
        KvmModule? Hardware,
        HostCpuVendor? RemedyVendor);
}
