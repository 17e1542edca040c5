using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Tests;

/// <summary>The in-process test driver; its state is shared by the whole test process, so names are unique.</summary>
internal static class TestDriver
{
    public const string Uri = "test:///default";

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 60)];

    public static string DomainXmlText(string name, string type = "kvm") =>
        $"""
        <domain type='{type}'>
          <name>{name}</name>
          <memory unit='KiB'>131072</memory>
          <vcpu>1</vcpu>
          <os>
            <type arch='x86_64'>hvm</type>
          </os>
          <devices>
            <disk type='file' device='disk'>
              <source file='/var/lib/libvirt/images/{name}.qcow2'/>
              <target dev='vda' bus='virtio'/>
            </disk>
          </devices>
        </domain>
        """;

    public static DomainXml Domain(string name, string type = "kvm") => DomainXml.Parse(DomainXmlText(name, type));

    public static string NetworkXmlText(string name, string bridge, string subnet = "192.168.166") =>
        $"""
        <network>
          <name>{name}</name>
          <forward mode='nat'/>
          <bridge name='{bridge}' stp='on' delay='0'/>
          <ip address='{subnet}.1' netmask='255.255.255.0'>
            <dhcp>
              <range start='{subnet}.128' end='{subnet}.254'/>
            </dhcp>
          </ip>
        </network>
        """;

    /// <summary>Defines a domain and undefines it (destroying it first if running) on dispose.</summary>
    public static DefinedDomain Define(LibvirtConnection connection, string prefix = "t")
    {
        var name = UniqueName(prefix);
        return new DefinedDomain(connection.DefineDomain(Domain(name)));
    }

    public sealed class DefinedDomain(LibvirtDomain domain) : IDisposable
    {
        public LibvirtDomain Domain { get; } = domain;

        public void Dispose()
        {
            try
            {
                if (Domain.IsActive)
                {
                    Domain.Destroy();
                }

                if (Domain.IsPersistent)
                {
                    Domain.Undefine();
                }
            }
            catch (LibvirtNotFoundException)
            {
            }
            finally
            {
                Domain.Dispose();
            }
        }
    }
}
