using System.Xml.Linq;
using NUnit.Framework;

namespace LibvirtNested.Tests.Events;

/// <summary>
/// Every event enum against libvirt's own API description (/usr/share/libvirt/api/libvirt-api.xml, from the
/// installed libvirt): each C value has a member with that value and the matching name, and no member is invented.
/// A libvirt upgrade that adds a value fails here, naming the constant to add.
/// </summary>
public class LibvirtEventEnumCoverageTests
{
    private const string ApiXml = "/usr/share/libvirt/api/libvirt-api.xml";

    private static readonly (string CEnum, string Prefix, Type Managed)[] Mappings =
    [
        ("virDomainEventType", "VIR_DOMAIN_EVENT_", typeof(DomainLifecycleEventType)),
        ("virDomainEventDefinedDetailType", "VIR_DOMAIN_EVENT_DEFINED_", typeof(DomainDefinedDetail)),
        ("virDomainEventUndefinedDetailType", "VIR_DOMAIN_EVENT_UNDEFINED_", typeof(DomainUndefinedDetail)),
        ("virDomainEventStartedDetailType", "VIR_DOMAIN_EVENT_STARTED_", typeof(DomainStartedDetail)),
        ("virDomainEventSuspendedDetailType", "VIR_DOMAIN_EVENT_SUSPENDED_", typeof(DomainSuspendedDetail)),
        ("virDomainEventResumedDetailType", "VIR_DOMAIN_EVENT_RESUMED_", typeof(DomainResumedDetail)),
        ("virDomainEventStoppedDetailType", "VIR_DOMAIN_EVENT_STOPPED_", typeof(DomainStoppedDetail)),
        ("virDomainEventShutdownDetailType", "VIR_DOMAIN_EVENT_SHUTDOWN_", typeof(DomainShutdownDetail)),
        ("virDomainEventPMSuspendedDetailType", "VIR_DOMAIN_EVENT_PMSUSPENDED_", typeof(DomainPMSuspendedDetail)),
        ("virDomainEventCrashedDetailType", "VIR_DOMAIN_EVENT_CRASHED_", typeof(DomainCrashedDetail)),
        ("virConnectDomainEventAgentLifecycleState", "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_", typeof(DomainAgentState)),
        ("virConnectDomainEventAgentLifecycleReason", "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_", typeof(DomainAgentStateReason)),
        ("virDomainMetadataType", "VIR_DOMAIN_METADATA_", typeof(DomainMetadataType)),
        ("virDomainBlockJobType", "VIR_DOMAIN_BLOCK_JOB_TYPE_", typeof(DomainBlockJobType)),
        ("virConnectDomainEventBlockJobStatus", "VIR_DOMAIN_BLOCK_JOB_", typeof(DomainBlockJobStatus)),
        ("virNetworkEventLifecycleType", "VIR_NETWORK_EVENT_", typeof(NetworkLifecycleEventType)),
        ("virStoragePoolEventLifecycleType", "VIR_STORAGE_POOL_EVENT_", typeof(StoragePoolLifecycleEventType)),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Mappings.Select(m => new TestCaseData(m.CEnum, m.Prefix, m.Managed).SetArgDisplayNames(m.CEnum));

    [TestCaseSource(nameof(Cases))]
    public void Every_libvirt_value_has_a_member_of_the_same_value_and_name(string cEnum, string prefix, Type managed)
    {
        var values = CValues(cEnum);
        Assert.That(values, Is.Not.Empty, $"{cEnum} is in {ApiXml}");

        // Names compared without underscores and case: VIR_DOMAIN_EVENT_SUSPENDED_API_ERROR is ApiError.
        var expected = values.Select(v => (Name: Normalize(v.Name[prefix.Length..]), v.Value)).OrderBy(v => v.Value).ToList();
        var actual = Enum.GetValues(managed).Cast<object>()
            .Select(v => (Name: Normalize(Enum.GetName(managed, v)!), Value: Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(v => v.Value).ToList();

        Assert.That(actual, Is.EqualTo(expected), $"{managed.Name} against {cEnum}");
    }

    [Test]
    public void Every_domain_event_id_the_library_registers_is_libvirts_value()
    {
        var ids = CValues("virDomainEventID").ToDictionary(v => v.Name, v => v.Value);
        foreach (var source in LibvirtNested.Interop.EventSource.ForDomainKinds(DomainEventKinds.All))
        {
            Assert.That(ids[source.Name], Is.EqualTo(source.EventId), source.Name);
        }
    }

    private static List<(string Name, int Value)> CValues(string cEnum)
    {
        Assert.That(File.Exists(ApiXml), Is.True, $"{ApiXml} comes with the Debian package libvirt-dev");
        return XDocument.Load(ApiXml).Descendants("enum")
            .Where(e => (string?)e.Attribute("type") == cEnum && !((string)e.Attribute("name")!).EndsWith("_LAST", StringComparison.Ordinal))
            .Select(e => ((string)e.Attribute("name")!, int.Parse((string)e.Attribute("value")!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
