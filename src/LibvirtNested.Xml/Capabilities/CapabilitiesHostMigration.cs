using System.Xml.Linq;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/host/migration_features</c>: how guests can be migrated off this host.</summary>
public sealed class CapabilitiesHostMigration : XmlView
{
    internal CapabilitiesHostMigration(XElement element)
        : base(element)
    {
    }

    /// <summary>Is <c>&lt;live/&gt;</c> present: can running guests be migrated?</summary>
    public bool Live => GetChild("live") is not null;

    /// <summary><c>uri_transports/uri_transport</c>: the URI schemes migration can use, such as <c>tcp</c> and <c>rdma</c>.</summary>
    public IReadOnlyList<string> UriTransports =>
        GetChild("uri_transports")?.Elements("uri_transport").Select(t => t.Value).ToList() ?? [];
}
