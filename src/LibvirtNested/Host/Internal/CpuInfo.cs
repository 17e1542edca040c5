namespace LibvirtNested.Host.Internal;

/// <summary>The parts of <c>/proc/cpuinfo</c> that matter for nesting, taken from the first processor (the kernel lists the
/// same vendor and flags for every processor).</summary>
internal sealed record CpuInfo(string? VendorId, IReadOnlySet<string>? Flags, IReadOnlySet<string>? VmxFlags)
{
    public const string Path = "/proc/cpuinfo";

    public HostCpuVendor Vendor => VendorId switch
    {
        null => HostCpuVendor.Unknown,
        "GenuineIntel" => HostCpuVendor.Intel,
        "AuthenticAMD" or "HygonGenuine" => HostCpuVendor.Amd,
        _ => HostCpuVendor.Other,
    };

    public bool HasFlag(string flag) => Flags?.Contains(flag) == true;

    public static CpuInfo Parse(string text)
    {
        string? vendor = null;
        HashSet<string>? flags = null;
        HashSet<string>? vmxFlags = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var colon = rawLine.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                if (rawLine.Trim().Length == 0 && (vendor is not null || flags is not null))
                {
                    break;
                }

                continue;
            }

            var key = rawLine[..colon].Trim();
            var value = rawLine[(colon + 1)..].Trim();
            switch (key)
            {
                case "vendor_id" when vendor is null:
                    vendor = value.Length == 0 ? null : value;
                    break;
                case "flags" when flags is null:
                    flags = [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                    break;
                case "vmx flags" when vmxFlags is null:
                    vmxFlags = [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                    break;
            }
        }

        return new CpuInfo(vendor, flags, vmxFlags);
    }
}
