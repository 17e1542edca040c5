using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>The sections of a domain other than devices: vCPUs, OS booting, features, CPU, clock, lifecycle.</summary>
public sealed partial class DomainXml
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private DomainVcpu? cachedVcpu;
    private DomainOs? cachedOs;
    private DomainFeatures? cachedFeatures;
    private DomainCpu? cachedCpu;
    private DomainClock? cachedClock;
    private DomainDeviceList? cachedDevices;

    /// <summary><c>/domain/vcpu</c>, or <see langword="null"/> when absent.</summary>
    public DomainVcpu? Vcpu => ViewCache.Child(ref cachedVcpu, GetChild("vcpu"), static e => new DomainVcpu(e));

    /// <summary><c>/domain/os</c>, or <see langword="null"/> when absent.</summary>
    public DomainOs? Os => ViewCache.Child(ref cachedOs, GetChild("os"), static e => new DomainOs(e));

    /// <summary><c>/domain/features</c>, or <see langword="null"/> when absent.</summary>
    public DomainFeatures? Features => ViewCache.Child(ref cachedFeatures, GetChild("features"), static e => new DomainFeatures(e));

    /// <summary><c>/domain/cpu</c>, or <see langword="null"/> when absent.</summary>
    public DomainCpu? Cpu => ViewCache.Child(ref cachedCpu, GetChild("cpu"), static e => new DomainCpu(e));

    /// <summary><c>/domain/clock</c>, or <see langword="null"/> when absent.</summary>
    public DomainClock? Clock => ViewCache.Child(ref cachedClock, GetChild("clock"), static e => new DomainClock(e));

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
