using LibvirtNested.Testing;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

/// <summary>Small inline domains for device tests, and the realistic L1 guest beside this file.</summary>
internal static class DeviceXml
{
    public static DomainXml WithDevices(string devices) => DomainXml.Parse(
        "<domain type='kvm'>\n  <name>t</name>\n  <memory unit='KiB'>1024</memory>\n  <os>\n    <type>hvm</type>\n  </os>\n  <devices>\n"
        + string.Join("\n", devices.Split('\n').Select(l => "    " + l.TrimEnd()))
        + "\n  </devices>\n</domain>\n");

    public static DomainXml L1Guest() => DomainXml.Load(Path.Combine(RepositoryPaths.Root, "tests", "LibvirtNested.Xml.Tests", "Domain", "Devices", "l1-guest.xml"));

    public static TDevice Single<TDevice>(string deviceXml)
        where TDevice : DomainDevice => WithDevices(deviceXml).Devices.OfType<TDevice>().Single();
}
