namespace LibvirtNested.Host;

/// <summary>The CPU vendor, from the <c>vendor_id</c> line of <c>/proc/cpuinfo</c>.</summary>
public enum HostCpuVendor
{
    /// <summary><c>/proc/cpuinfo</c> was missing, unreadable or had no <c>vendor_id</c> line.</summary>
    Unknown = 0,

    /// <summary><c>GenuineIntel</c>: hardware virtualization is VT-x (<c>vmx</c>), the KVM module is <c>kvm_intel</c>.</summary>
    Intel = 1,

    /// <summary><c>AuthenticAMD</c> (or <c>HygonGenuine</c>): hardware virtualization is AMD-V (<c>svm</c>), the KVM module is <c>kvm_amd</c>.</summary>
    Amd = 2,

    /// <summary>Any other vendor (for example a non-x86 CPU); see <see cref="NestedReadinessReport.CpuVendorId"/>.</summary>
    Other = 3,
}
