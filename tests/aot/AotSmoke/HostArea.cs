using LibvirtNested.Host;

namespace LibvirtNested.AotSmoke;

/// <summary>LibvirtNested.Host: readiness probe, modprobe.d remedy, block-device safety, perf parsing and comparison.</summary>
internal static class HostArea
{
    public static void Run(SmokeRun run, string workDirectory)
    {
        var here = NestedVirtualizationProbe.Run();
        run.Check("probe of this machine: a verdict and findings", here.Findings.Count > 0 && here.ToString().Length > 0, here.ToString());

        var root = IntelWithNestedOff(workDirectory);
        var report = NestedVirtualizationProbe.Run(root);
        run.Equal("probe of an Intel tree with nested=N: not ready", ReadinessVerdict.NotReady, report.Verdict);
        run.Equal("probe: vendor", HostCpuVendor.Intel, report.CpuVendor);
        run.Equal("probe: kvm_intel nested parameter", "N", report.Module?.GetParameter("nested"));
        var nested = report.Find(ReadinessFindingIds.KvmNested);
        run.Check("probe: the nested finding names the remedy file", nested?.Remedy?.Contains("kvm-intel.conf", StringComparison.Ordinal) == true, nested?.ToString());

        var plan = KvmModprobeConfig.PlanRemedy(HostCpuVendor.Intel, root);
        run.Check("remedy planned, not written", plan.Changed && !plan.Written && plan.After.Contains("options kvm-intel nested=1", StringComparison.Ordinal), plan.ToString());
        var written = KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, root);
        run.Check("remedy written into the tree", written.Written && File.Exists(Path.Combine(root, "etc/modprobe.d/kvm-intel.conf")));
        run.Equal("modprobe.d read back: nested=1", true, KvmModprobeConfig.Read(root).GetEffective("kvm_intel", "nested")?.BooleanValue);
        run.Check("writing again changes nothing", !KvmModprobeConfig.WriteRemedy(HostCpuVendor.Intel, root).Changed);

        run.Throws<NotABlockDeviceException>("block-device safety: /dev/null is not a block device", () => new BlockDeviceSafety().Inspect("/dev/null"));
        run.Throws<NotABlockDeviceException>("block-device safety: an unknown kernel name", () => new BlockDeviceSafety().InspectKernelDevice("aot-no-such-disk"));
        var block = Directory.Exists("/sys/class/block") ? Directory.GetFileSystemEntries("/sys/class/block").Select(Path.GetFileName).FirstOrDefault() : null;
        if (block is not null)
        {
            var usage = new BlockDeviceSafety().InspectKernelDevice(block);
            run.Equal("block-device safety: inspects a real device", block, usage.KernelName);
        }

        var before = PerfKvmStatReport.Parse(SmokeRun.Resource("perf-kvm-stat-before.txt"));
        var after = PerfKvmStatReport.Parse(SmokeRun.Resource("perf-kvm-stat-after.txt"));
        run.Equal("perf kvm stat: rows", 10, before.Rows.Count);
        run.Equal("perf kvm stat: VMREAD samples", 1843212L, before.SamplesOf("VMREAD"));
        var comparison = VmExitComparison.Compare(before, after);
        run.Equal("VM-exit comparison: VMREAD + VMWRITE eliminated", 1843212L - 15421 + 1290457 - 10233, comparison.Eliminated("VMREAD", "VMWRITE"));
        run.Check("VM-exit comparison as a table", comparison.ToString().Contains("VMREAD", StringComparison.Ordinal));
        var statBefore = PerfStatReport.Parse(SmokeRun.Resource("perf-stat-before.txt"));
        var statAfter = PerfStatReport.Parse(SmokeRun.Resource("perf-stat-after.txt"));
        run.Check("perf stat: counters", statBefore.Counters.Count > 0);
        run.Check("perf stat comparison", VmExitComparison.Compare(statBefore, statAfter).Rows.Count > 0);
    }

    /// <summary>A tree with an Intel CPU (vmx, ept) whose kvm_intel has nested off, as the walkthrough finds L0 at first.</summary>
    private static string IntelWithNestedOff(string workDirectory)
    {
        var root = Path.Combine(workDirectory, "host-root");
        Write(root, "proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vme de pse tsc msr pae vmx ept vpid\nvmx flags\t: vnmi ept vpid unrestricted_guest shadow_vmcs\n\n");
        Write(root, "sys/module/kvm_intel/parameters/nested", "N\n");
        Write(root, "sys/module/kvm_intel/parameters/ept", "Y\n");
        Write(root, "sys/module/kvm_intel/parameters/enable_shadow_vmcs", "Y\n");
        Write(root, "sys/module/kvm/parameters/ignore_msrs", "N\n");
        Directory.CreateDirectory(Path.Combine(root, "etc/modprobe.d"));
        return root;
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
