namespace LibvirtNested.Host;

/// <summary>The identifiers of <see cref="ReadinessFinding.Id"/>, so programs can branch without matching messages.</summary>
public static class ReadinessFindingIds
{
    /// <summary>Does <c>/proc/cpuinfo</c> show <c>vmx</c> (Intel VT-x) or <c>svm</c> (AMD-V)? Inside a guest: will its own guests
    /// (L2) be able to use KVM?</summary>
    public const string CpuExtensions = "cpu.extensions";

    /// <summary>Which KVM module is loaded (<c>/sys/module/kvm_intel</c>, <c>/sys/module/kvm_amd</c>, or another such as
    /// <c>kvm_pvm</c>).</summary>
    public const string KvmModule = "kvm.module";

    /// <summary>The module's <c>nested</c> parameter (<c>/sys/module/kvm_{intel,amd}/parameters/nested</c>).</summary>
    public const string KvmNested = "kvm.nested";

    /// <summary>Intel only: <c>/sys/module/kvm_intel/parameters/enable_shadow_vmcs</c> (VMCS shadowing saves L1's VMREAD/VMWRITE
    /// exits).</summary>
    public const string KvmShadowVmcs = "kvm.shadow_vmcs";

    /// <summary>Intel only: <c>/sys/module/kvm_intel/parameters/ept</c> (without EPT nested guests use slow shadow paging).</summary>
    public const string KvmEpt = "kvm.ept";

    /// <summary><c>/dev/kvm</c>: present and openable for reading and writing by the current user.</summary>
    public const string DevKvm = "dev.kvm";

    /// <summary>The <c>nested</c> option in <c>/etc/modprobe.d/*.conf</c>: will the setting survive a module reload or reboot?</summary>
    public const string ModprobeNested = "modprobe.nested";

    /// <summary>Intel only: the <c>enable_shadow_vmcs</c> option in <c>/etc/modprobe.d/*.conf</c>.</summary>
    public const string ModprobeShadowVmcs = "modprobe.enable_shadow_vmcs";
}
