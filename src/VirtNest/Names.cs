using LibvirtNested.Host;

namespace LibvirtNested.Cli;

/// <summary>
/// The JSON spelling of the library's enums, written out: stable for scripts whatever the C# member is called, and no
/// reflection over enum metadata in the AOT binary.
/// </summary>
internal static class Names
{
    public static string Of(ReadinessVerdict verdict) => verdict switch
    {
        ReadinessVerdict.Ready => "ready",
        ReadinessVerdict.NotReady => "not-ready",
        _ => "unknown",
    };

    public static string Of(HostRole role) => role switch
    {
        HostRole.Host => "host",
        HostRole.Guest => "guest",
        _ => "unknown",
    };

    public static string Of(HostCpuVendor vendor) => vendor switch
    {
        HostCpuVendor.Intel => "intel",
        HostCpuVendor.Amd => "amd",
        HostCpuVendor.Other => "other",
        _ => "unknown",
    };

    public static string Of(DomainAddressSource source) => source switch
    {
        DomainAddressSource.Agent => "agent",
        DomainAddressSource.Arp => "arp",
        _ => "lease",
    };
}
