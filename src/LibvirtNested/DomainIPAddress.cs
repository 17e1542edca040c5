using System.Net;

namespace LibvirtNested;

/// <summary>One address of a guest interface (<c>virDomainIPAddress</c>).</summary>
/// <param name="Address">The address (<c>addr</c>; IPv4 or IPv6 per <c>type</c>).</param>
/// <param name="Prefix">The prefix length (<c>prefix</c>).</param>
public sealed record DomainIPAddress(IPAddress Address, int Prefix)
{
    /// <summary>The address in CIDR notation, e.g. <c>192.168.166.130/24</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Address}/{Prefix}";
}
