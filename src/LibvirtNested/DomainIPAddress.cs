using System.Net;

namespace LibvirtNested;

/// <summary>One address of a guest interface (<c>virDomainIPAddress</c>); init-only properties, so fields can be added.</summary>
public sealed record DomainIPAddress
{
    /// <summary>The address (<c>addr</c>; IPv4 or IPv6 per <c>type</c>).</summary>
    public required IPAddress Address { get; init; }

    /// <summary>The prefix length (<c>prefix</c>).</summary>
    public int Prefix { get; init; }

    /// <summary>The address in CIDR notation, e.g. <c>192.168.166.130/24</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Address}/{Prefix}";
}
