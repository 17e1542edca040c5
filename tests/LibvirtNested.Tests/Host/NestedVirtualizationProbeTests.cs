using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

[TestFixture]
public sealed class NestedVirtualizationProbeTests
{
    /// <summary>Probes a fixture tree whose <c>dev/kvm</c> stand-in file counts as the KVM device (see <see cref="StandInKvmDevice"/>).</summary>
    private static NestedReadinessReport Probe(string fixture) =>
        NestedVirtualizationProbe.RunWith(new LibvirtNested.Host.Internal.HostRoot(HostFixtures.Readiness(fixture)), StandInKvmDevice.Instance);

    private static ReadinessFinding Finding(NestedReadinessReport report, string id) =>
        report.Find(id) ?? throw new AssertionException($"No finding {id} in:\n{report}");

    [Test]
    public void Intel_with_nested_and_shadow_vmcs_on_is_ready()
    {
        var report = Probe("intel-nested-shadow-on");

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.Ready), report.ToString());
            Assert.That(report.Role, Is.EqualTo(HostRole.Host));
            Assert.That(report.CpuVendor, Is.EqualTo(HostCpuVendor.Intel));
            Assert.That(report.CpuVendorId, Is.EqualTo("GenuineIntel"));
            Assert.That(report.HasVmx, Is.True);
            Assert.That(report.HasSvm, Is.False);
            Assert.That(report.Module?.Name, Is.EqualTo("kvm_intel"));
            Assert.That(report.Module?.GetParameter("nested"), Is.EqualTo("Y"));
            Assert.That(report.Findings.Select(f => f.Verdict), Is.All.EqualTo(ReadinessVerdict.Ready), report.ToString());
            Assert.That(report.Remedies, Is.Empty);
            Assert.That(Finding(report, ReadinessFindingIds.KvmNested).Evidence.Single(),
                Is.EqualTo(ReadinessEvidence.Of("/sys/module/kvm_intel/parameters/nested", "Y")));
            Assert.That(Finding(report, ReadinessFindingIds.ModprobeNested).Evidence.Single().Path,
                Is.EqualTo("/etc/modprobe.d/kvm-intel.conf:1"));
        });
    }

    [Test]
    public void Intel_with_nested_off_is_not_ready_and_names_the_walkthrough_file()
    {
        var report = Probe("intel-nested-off");
        var nested = Finding(report, ReadinessFindingIds.KvmNested);

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(nested.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(nested.Required, Is.True);
            Assert.That(nested.Evidence.Single().Value, Is.EqualTo("N"));
            Assert.That(nested.Remedy, Does.Contain("/etc/modprobe.d/kvm-intel.conf"));
            Assert.That(nested.Remedy, Does.Contain("options kvm-intel nested=1"));
            Assert.That(nested.Remedy, Does.Contain("options kvm-intel enable_shadow_vmcs=1"));
            Assert.That(nested.Remedy, Does.Contain("modprobe -r kvm_intel && modprobe kvm_intel").And.Contain("reboot"));
            Assert.That(Finding(report, ReadinessFindingIds.ModprobeNested).Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(report.Remedies, Has.Some.Contains("kvm-intel.conf"));
        });
    }

    [Test]
    public void Intel_without_shadow_vmcs_hardware_is_ready_with_an_advisory_and_no_remedy()
    {
        var report = Probe("intel-no-shadow-vmcs");
        var shadow = Finding(report, ReadinessFindingIds.KvmShadowVmcs);

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.Ready));
            Assert.That(shadow.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(shadow.Required, Is.False);
            Assert.That(shadow.Message, Does.Contain("does not support"));
            Assert.That(shadow.Evidence.Select(e => e.Value), Does.Contain("vmx flags: shadow_vmcs no"));
            Assert.That(shadow.Remedy, Is.Null);
        });
    }

    [Test]
    public void Intel_with_shadow_vmcs_switched_off_in_modprobe_d_gets_the_remedy()
    {
        var report = Probe("intel-shadow-vmcs-disabled");
        var shadow = Finding(report, ReadinessFindingIds.KvmShadowVmcs);
        var configured = Finding(report, ReadinessFindingIds.ModprobeShadowVmcs);

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.Ready));
            Assert.That(shadow.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(shadow.Remedy, Does.Contain("enable_shadow_vmcs=1"));
            Assert.That(configured.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(configured.Evidence.Single(), Is.EqualTo(ReadinessEvidence.Of("/etc/modprobe.d/kvm.conf:1", "options kvm_intel enable_shadow_vmcs=0")));
            Assert.That(configured.Remedy, Does.StartWith("Change 'enable_shadow_vmcs=0' at /etc/modprobe.d/kvm.conf:1").And.Contain("would still win"),
                "kvm.conf sorts after kvm-intel.conf, so the remedy file alone would not win");
        });
    }

    [Test]
    public void Amd_with_nested_on_is_ready_and_has_no_intel_only_findings()
    {
        var report = Probe("amd-nested-on");

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.Ready), report.ToString());
            Assert.That(report.CpuVendor, Is.EqualTo(HostCpuVendor.Amd));
            Assert.That(report.HasSvm, Is.True);
            Assert.That(report.Module?.Name, Is.EqualTo("kvm_amd"));
            Assert.That(Finding(report, ReadinessFindingIds.KvmNested).Evidence.Single().Value, Is.EqualTo("1"));
            Assert.That(report.Find(ReadinessFindingIds.KvmShadowVmcs), Is.Null);
            Assert.That(report.Find(ReadinessFindingIds.KvmEpt), Is.Null);
            Assert.That(report.Find(ReadinessFindingIds.ModprobeShadowVmcs), Is.Null);
        });
    }

    [Test]
    public void Amd_with_nested_off_points_at_kvm_amd_and_the_line_that_disables_it()
    {
        var report = Probe("amd-nested-off");
        var nested = Finding(report, ReadinessFindingIds.KvmNested);
        var configured = Finding(report, ReadinessFindingIds.ModprobeNested);

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(nested.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(nested.Remedy, Does.Contain("/etc/modprobe.d/kvm-amd.conf").And.Contain("options kvm-amd nested=1"));
            Assert.That(nested.Remedy, Does.Contain("modprobe -r kvm_amd"));
            Assert.That(nested.Remedy, Does.Not.Contain("intel"));
            Assert.That(configured.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(configured.Evidence.Single().Path, Is.EqualTo("/etc/modprobe.d/kvm-amd.conf:2"));
            Assert.That(configured.Remedy, Does.StartWith("Write /etc/modprobe.d/kvm-amd.conf"), "writing the remedy file fixes its own line");
        });
    }

    [Test]
    public void No_kvm_at_all_is_not_ready_and_says_which_module_to_load()
    {
        var report = Probe("no-kvm");

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(report.Modules, Is.Empty);
            Assert.That(report.Module, Is.Null);
            Assert.That(Finding(report, ReadinessFindingIds.KvmModule).Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(Finding(report, ReadinessFindingIds.KvmModule).Remedy, Does.Contain("modprobe kvm_intel"));
            Assert.That(Finding(report, ReadinessFindingIds.DevKvm).Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(Finding(report, ReadinessFindingIds.DevKvm).Evidence.Single().Value, Is.EqualTo("(missing)"));
            Assert.That(Finding(report, ReadinessFindingIds.CpuExtensions).Verdict, Is.EqualTo(ReadinessVerdict.Ready));
        });
    }

    [Test]
    public void This_machine_layout_kvm_pvm_without_extensions_is_a_guest_that_cannot_nest()
    {
        var report = Probe("this-machine");
        var cpu = Finding(report, ReadinessFindingIds.CpuExtensions);
        var module = Finding(report, ReadinessFindingIds.KvmModule);

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(report.Role, Is.EqualTo(HostRole.Guest));
            Assert.That(report.CpuVendor, Is.EqualTo(HostCpuVendor.Amd));
            Assert.That(report.HasVmx || report.HasSvm, Is.False);
            Assert.That(report.Modules.Select(m => m.Name), Is.EqualTo(new[] { "kvm", "kvm_pvm" }));
            Assert.That(report.Module?.Name, Is.EqualTo("kvm_pvm"));
            Assert.That(report.Module?.GetParameter("pvm_native"), Is.EqualTo("Y"));
            Assert.That(cpu.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(cpu.Remedy, Does.Contain("<cpu mode='host-passthrough'/>"));
            Assert.That(module.Message, Does.Contain("kvm_pvm").And.Contain("without hardware virtualization extensions"));
            Assert.That(Finding(report, ReadinessFindingIds.KvmNested).Message, Does.Contain("kvm_pvm has no 'nested' parameter"));
            Assert.That(Finding(report, ReadinessFindingIds.DevKvm).Verdict, Is.EqualTo(ReadinessVerdict.Ready));
        });
    }

    [Test]
    public void L1_guest_with_vmx_is_ready_for_kvm_l2_guests_even_with_nested_off()
    {
        var report = Probe("l1-guest-with-vmx");
        var nested = Finding(report, ReadinessFindingIds.KvmNested);

        Assert.Multiple(() =>
        {
            Assert.That(report.Role, Is.EqualTo(HostRole.Guest));
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.Ready), report.ToString());
            Assert.That(Finding(report, ReadinessFindingIds.CpuExtensions).Message, Does.Contain("its own guests (L2) can use KVM"));
            Assert.That(nested.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(nested.Required, Is.False);
        });
    }

    [Test]
    public void L1_guest_without_vmx_points_at_the_fix_on_l0()
    {
        var report = Probe("l1-guest-without-vmx");
        var cpu = Finding(report, ReadinessFindingIds.CpuExtensions);

        Assert.Multiple(() =>
        {
            Assert.That(report.Role, Is.EqualTo(HostRole.Guest));
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(cpu.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(cpu.Message, Does.Contain("(L2) cannot use KVM"));
            Assert.That(cpu.Remedy, Does.Contain("L0").And.Contain("<cpu mode='host-passthrough'/>").And.Contain("nested=1"));
            Assert.That(Finding(report, ReadinessFindingIds.KvmModule).Remedy, Does.Contain("host-passthrough"));
            Assert.That(report.Modules.Select(m => m.Name), Is.EqualTo(new[] { "kvm" }));
        });
    }

    [Test]
    public void Modprobe_d_in_every_spelling_with_conflicts_reports_the_winner_and_every_line()
    {
        var report = Probe("modprobe-conflicts");
        var configured = Finding(report, ReadinessFindingIds.ModprobeNested);

        Assert.Multiple(() =>
        {
            Assert.That(configured.Verdict, Is.EqualTo(ReadinessVerdict.NotReady));
            Assert.That(configured.Evidence.Select(e => e.Path), Is.EqualTo(new[]
            {
                "/etc/modprobe.d/10-old.conf:2",
                "/etc/modprobe.d/kvm-intel.conf:2",
                "/etc/modprobe.d/zz-local.conf:1",
            }));
            Assert.That(configured.Message, Does.Contain("Conflicting values").And.Contain("last one read wins"));
            Assert.That(configured.Message, Does.Contain("nested=N for kvm_intel at /etc/modprobe.d/zz-local.conf:1"));
            Assert.That(configured.Remedy, Does.Contain("zz-local.conf:1"));
            Assert.That(report.Modprobe.GetEffective("kvm-intel", "ept")?.Value, Is.EqualTo("1"), "continued line");
            Assert.That(report.Modprobe.GetEffective("kvm-intel", "ept")?.Line, Is.EqualTo("options kvm_intel nested=N ept=1"));
            Assert.That(report.Modprobe.Options.Select(o => o.File), Has.None.EndsWith("README"));
            Assert.That(report.Modprobe.Find("kvm_amd", "nested").Single().File, Is.EqualTo("/etc/modprobe.d/amd.conf"));
            Assert.That(Finding(report, ReadinessFindingIds.ModprobeShadowVmcs).Verdict, Is.EqualTo(ReadinessVerdict.Ready));
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.Ready), "the running module has nested=Y; persistence is advisory");
        });
    }

    [Test]
    public void Malformed_values_are_reported_as_unknown_with_the_reason()
    {
        var report = Probe("malformed");

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(ReadinessVerdict.Unknown));
            var nested = Finding(report, ReadinessFindingIds.KvmNested);
            Assert.That(nested.Verdict, Is.EqualTo(ReadinessVerdict.Unknown));
            Assert.That(nested.Evidence.Single().Value, Is.EqualTo("(empty)"));
            Assert.That(nested.Message, Does.Contain("empty value"));
            var shadow = Finding(report, ReadinessFindingIds.KvmShadowVmcs);
            Assert.That(shadow.Verdict, Is.EqualTo(ReadinessVerdict.Unknown));
            Assert.That(shadow.Message, Does.Contain("unrecognised value 'maybe'"));
            var ept = Finding(report, ReadinessFindingIds.KvmEpt);
            Assert.That(ept.Verdict, Is.EqualTo(ReadinessVerdict.Unknown));
            Assert.That(ept.Evidence[0].Value, Is.EqualTo("(is a directory)"));
            var configured = Finding(report, ReadinessFindingIds.ModprobeNested);
            Assert.That(configured.Verdict, Is.EqualTo(ReadinessVerdict.Unknown));
            Assert.That(configured.Message, Does.Contain("nested=maybe"));
        });
    }

    [Test]
    public void Garbage_cpuinfo_is_unknown_not_an_exception()
    {
        var report = Probe("cpuinfo-garbage");
        var cpu = Finding(report, ReadinessFindingIds.CpuExtensions);

        Assert.Multiple(() =>
        {
            Assert.That(cpu.Verdict, Is.EqualTo(ReadinessVerdict.Unknown));
            Assert.That(cpu.Message, Does.Contain("no 'flags' line"));
            Assert.That(report.Role, Is.EqualTo(HostRole.Unknown));
            Assert.That(report.CpuVendor, Is.EqualTo(HostCpuVendor.Unknown));
        });
    }

    [Test]
    public void An_empty_root_gives_findings_with_reasons_and_never_throws()
    {
        using var empty = TemporaryTree.Empty();

        var report = NestedVirtualizationProbe.Run(empty.Path);

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.Not.EqualTo(ReadinessVerdict.Ready));
            Assert.That(Finding(report, ReadinessFindingIds.CpuExtensions).Verdict, Is.EqualTo(ReadinessVerdict.Unknown));
            Assert.That(Finding(report, ReadinessFindingIds.CpuExtensions).Evidence.Single(), Is.EqualTo(ReadinessEvidence.Of("/proc/cpuinfo", "(missing)")));
            Assert.That(Finding(report, ReadinessFindingIds.KvmModule).Verdict, Is.EqualTo(ReadinessVerdict.Unknown));
            Assert.That(Finding(report, ReadinessFindingIds.KvmModule).Message, Does.Contain("/sys/module is missing"));
            Assert.That(report.ToString(), Does.StartWith("Nested virtualization readiness: "));
        });
    }

    [Test]
    public void The_text_report_shows_verdict_role_evidence_and_remedy()
    {
        var text = Probe("intel-nested-off").ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("Nested virtualization readiness: NOT READY"));
            Assert.That(text, Does.Contain("Role: host (L0)"));
            Assert.That(text, Does.Contain("CPU: GenuineIntel, vmx yes, svm no"));
            Assert.That(text, Does.Contain("[NOT READY] kvm.nested: "));
            Assert.That(text, Does.Contain("evidence: /sys/module/kvm_intel/parameters/nested: N"));
            Assert.That(text, Does.Contain("remedy: Write /etc/modprobe.d/kvm-intel.conf"));
            Assert.That(text, Does.Contain("[READY] dev.kvm: "));
        });
    }

    [Test]
    public void The_real_root_of_this_machine_can_be_probed_without_throwing()
    {
        var report = NestedVirtualizationProbe.Run();
        TestContext.Out.WriteLine(report);

        Assert.Multiple(() =>
        {
            Assert.That(report.Root, Is.EqualTo("/"));
            Assert.That(report.Findings, Is.Not.Empty);
            Assert.That(report.Find(ReadinessFindingIds.CpuExtensions), Is.Not.Null);
            Assert.That(report.Find(ReadinessFindingIds.DevKvm), Is.Not.Null);
            Assert.That(report.ToString(), Does.Contain("Role: "));
        });
    }

    [Test]
    public void Probing_never_writes_into_the_tree()
    {
        using var copy = HostFixtures.Copy(HostFixtures.Readiness("intel-nested-off"));
        var before = Snapshot(copy.Path);

        NestedVirtualizationProbe.Run(copy.Path);

        Assert.That(Snapshot(copy.Path), Is.EqualTo(before));
    }

    private static List<string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => p + "=" + (File.Exists(p) ? File.ReadAllText(p) : "<dir>"))
            .ToList();
}
