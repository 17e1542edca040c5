using LibvirtNested.Testing;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Network;

[TestFixture]
public sealed class NetworkDnsTests
{
    [Test]
    public void Reads_forwarders_hosts_and_flags()
    {
        var dns = NetworkXml.Parse("""
            <network>
              <name>n</name>
              <dns enable='yes' forwardPlainNames='no'>
                <forwarder addr='8.8.8.8'/>
                <forwarder domain='example.com' addr='8.8.4.4'/>
                <forwarder domain='www.example.com'/>
                <txt name='example' value='example value'/>
                <host ip='192.168.122.2'>
                  <hostname>myhost</hostname>
                  <hostname>myhostalias</hostname>
                </host>
              </dns>
            </network>
            """).Dns!;

        Assert.That((dns.Enable, dns.ForwardPlainNames), Is.EqualTo(((bool?)true, (bool?)false)));
        Assert.That(dns.Forwarders.Select(f => (f.Address, f.Domain)), Is.EqualTo(new[] { ("8.8.8.8", (string?)null), ("8.8.4.4", "example.com"), (null, "www.example.com") }));
        Assert.That(dns.Hosts.Single().Ip, Is.EqualTo("192.168.122.2"));
        Assert.That(dns.Hosts.Single().Hostnames, Is.EqualTo(new[] { "myhost", "myhostalias" }));
    }

    [Test]
    public void Added_forwarders_and_hosts_are_valid_and_ordered()
    {
        var network = NetworkXml.Create("n");
        var dns = network.GetOrAddDns();
        dns.AddHost("10.0.0.2", "l2", "l2.nested");
        dns.AddForwarder("9.9.9.9");
        dns.AddForwarder(null, "local.test");
        dns.Enable = true;

        Assert.That(RelaxNg.Validate("network", network.ToXmlString()), Is.Null);
        Snapshot.Verify(network.ToXmlString());
    }

    [Test]
    public void Refuses_empty_records()
    {
        var dns = NetworkXml.Create("n").GetOrAddDns();

        Assert.Throws<ArgumentException>(() => dns.AddForwarder(null));
        Assert.Throws<ArgumentException>(() => dns.AddHost("10.0.0.2"));
        Assert.Throws<ArgumentException>(() => dns.AddHost("10.0.0.2", " "));
    }

    [Test]
    public void Domain_name_and_local_only_are_read_written_and_removed()
    {
        var network = NetworkXml.Create("n");
        var domain = network.GetOrAddDomain("nested.test");
        domain.LocalOnly = false;
        Assert.That(domain.ToString(), Is.EqualTo("<domain name='nested.test' localOnly='no'/>"));
        Assert.That((network.Domain!.Name, network.Domain.LocalOnly), Is.EqualTo(("nested.test", (bool?)false)));

        domain.LocalOnly = null;
        Assert.That(domain.ToString(), Is.EqualTo("<domain name='nested.test'/>"));
        network.RemoveDomain();
        Assert.That(network.Domain, Is.Null);
    }

    [Test]
    public void Dns_is_removed()
    {
        var network = NetworkXml.Create("n");
        network.GetOrAddDns().Enable = false;
        network.RemoveDns();
        Assert.That(network.Dns, Is.Null);
    }
}
