namespace LibvirtNested.Xml.Domain;

/// <summary>The sections of a domain other than devices: vCPUs, OS booting, features, CPU, clock, lifecycle.</summary>
public sealed partial class DomainXml
{
    /// <summary><c>/domain/vcpu</c>, or <see langword="null"/> when absent.</summary>
    public DomainVcpu? Vcpu => GetChild("vcpu") is { } vcpu ? new DomainVcpu(vcpu) : null;

    /// <summary><c>/domain/os</c>, or <see langword="null"/> when absent.</summary>
    public DomainOs? Os => GetChild("os") is { } os ? new DomainOs(os) : null;

    /// <summary><c>/domain/features</c>, or <see langword="null"/> when absent.</summary>
    public DomainFeatures? Features => GetChild("features") is { } features ? new DomainFeatures(features) : null;

    /// <summary><c>/domain/cpu</c>, or <see langword="null"/> when absent.</summary>
    public DomainCpu? Cpu => GetChild("cpu") is { } cpu ? new DomainCpu(cpu) : null;

    /// <summary><c>/domain/clock</c>, or <see langword="null"/> when absent.</summary>
    public DomainClock? Clock => GetChild("clock") is { } clock ? new DomainClock(clock) : null;

    /// <summary>The text of <c>/domain/on_poweroff</c>: what happens when the guest powers off.</summary>
    public DomainLifecycleAction? OnPoweroff
    {
        get => GetChildText("on_poweroff") is { } value ? new DomainLifecycleAction(value) : null;
        set => SetDomainChildText("on_poweroff", value?.Value);
    }

    /// <summary>The text of <c>/domain/on_reboot</c>: what happens when the guest reboots.</summary>
    public DomainLifecycleAction? OnReboot
    {
        get => GetChildText("on_reboot") is { } value ? new DomainLifecycleAction(value) : null;
        set => SetDomainChildText("on_reboot", value?.Value);
    }

    /// <summary>The text of <c>/domain/on_crash</c>: what happens when the guest crashes.</summary>
    public DomainLifecycleAction? OnCrash
    {
        get => GetChildText("on_crash") is { } value ? new DomainLifecycleAction(value) : null;
        set => SetDomainChildText("on_crash", value?.Value);
    }

    /// <summary>Returns <c>/domain/vcpu</c>, adding an empty <c>&lt;vcpu/&gt;</c> where libvirt writes it (after the memory elements) when absent.</summary>
    /// <returns>The vCPU view.</returns>
    public DomainVcpu GetOrAddVcpu() => new(GetOrAddDomainChild("vcpu"));

    /// <summary>Returns <c>/domain/os</c>, adding an empty <c>&lt;os/&gt;</c> where libvirt writes it when absent.</summary>
    /// <returns>The OS view.</returns>
    public DomainOs GetOrAddOs() => new(GetOrAddDomainChild("os"));

    /// <summary>Returns <c>/domain/features</c>, adding an empty <c>&lt;features/&gt;</c> after <c>&lt;os&gt;</c> when absent.</summary>
    /// <returns>The features view.</returns>
    public DomainFeatures GetOrAddFeatures() => new(GetOrAddDomainChild("features"));

    /// <summary>
    /// Returns <c>/domain/cpu</c>, adding an empty <c>&lt;cpu/&gt;</c> when absent where libvirt writes it: after
    /// <c>&lt;features&gt;</c>, else after <c>&lt;os&gt;</c>, <c>&lt;vcpu&gt;</c> or the memory elements, else before
    /// <c>&lt;clock&gt;</c> or <c>&lt;devices&gt;</c>, else at the end.
    /// </summary>
    /// <returns>The CPU view.</returns>
    public DomainCpu GetOrAddCpu() => new(GetOrAddDomainChild("cpu"));

    /// <summary>Returns <c>/domain/clock</c>, adding an empty <c>&lt;clock/&gt;</c> after <c>&lt;cpu&gt;</c> (or where libvirt writes it) when absent.</summary>
    /// <returns>The clock view.</returns>
    public DomainClock GetOrAddClock() => new(GetOrAddDomainChild("clock"));

    /// <summary>
    /// The nested-virtualization edit: gives the guest the host CPU, vmx/svm included, by making
    /// <c>/domain/cpu</c> <c>&lt;cpu mode='host-passthrough'/&gt;</c>. Adds <c>&lt;cpu&gt;</c> when absent (see
    /// <see cref="GetOrAddCpu"/>); otherwise sets the mode and removes <c>match</c>, <c>&lt;model&gt;</c> and
    /// <c>&lt;vendor&gt;</c>, keeping topology, features, NUMA, cache and unknown content; see
    /// <see cref="DomainCpu.SetHostPassthrough"/> for the exact XML. Idempotent.
    /// </summary>
    /// <param name="migratable"><see langword="null"/> keeps any <c>migratable</c> attribute; otherwise writes <c>migratable='on'</c> or <c>'off'</c>.</param>
    /// <returns>This document, for chaining.</returns>
    public DomainXml UseHostPassthrough(bool? migratable = null)
    {
        GetOrAddCpu().SetHostPassthrough(migratable);
        return this;
    }
}
