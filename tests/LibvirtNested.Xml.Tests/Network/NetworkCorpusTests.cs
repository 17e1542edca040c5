using LibvirtNested.Testing;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Network;

[TestFixture]
public sealed class NetworkCorpusTests
{
    [Test]
    public void Every_typed_property_of_every_valid_corpus_network_reads()
    {
        var entries = LibvirtNested.Testing.Corpus.OfKind("network", validOnly: true).ToList();
        var failures = new List<string>();
        var read = 0;
        foreach (var entry in entries)
        {
            var network = NetworkXml.Load(entry.FullPath);
            var (entryFailures, count) = ViewWalker.ReadAll(network);
            read += count;
            failures.AddRange(entryFailures.Select(f => entry.Path + ": " + f));
            foreach (var ip in network.Ips)
            {
                _ = ip.Subnet;
            }
        }

        TestContext.Out.WriteLine($"{entries.Count} networks, {read} property reads");
        Assert.That(entries, Has.Count.EqualTo(128));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Networks_that_libvirt_rejects_for_their_meaning_still_read()
    {
        var rejected = LibvirtNested.Testing.Corpus.OfKind("network").Where(e => e.Path.Contains("/rejected/", StringComparison.Ordinal)).ToList();

        Assert.That(rejected, Has.Count.EqualTo(4));
        Assert.That(rejected.SelectMany(e => ViewWalker.ReadAll(NetworkXml.Load(e.FullPath)).Failures), Is.Empty);
    }

    [Test]
    public void Corpus_facts_read_as_libvirt_wrote_them()
    {
        var nat = NetworkXml.Load(LibvirtNested.Testing.Corpus.PathOf("network/valid/networkxml2xmlin__nat-network.xml"));
        Assert.That(nat.Forward?.Mode, Is.EqualTo(NetworkForwardMode.Nat));
        Assert.That(nat.Ips.Count(i => !i.IsIpv6), Is.GreaterThanOrEqualTo(1));
        Assert.That(nat.Ipv4!.Dhcp!.Ranges, Is.Not.Empty);
        Assert.That(nat.Ipv4.Dhcp.Hosts.Select(h => h.Ip), Is.All.Not.Null);

        var ips = LibvirtNested.Testing.Corpus.OfKind("network", validOnly: true)
            .SelectMany(e => NetworkXml.Load(e.FullPath).Ips)
            .ToList();
        var withSubnet = ips.Where(i => i.Subnet is not null).ToList();
        Assert.That(withSubnet, Is.Not.Empty);
        Assert.That(withSubnet.Where(i => !i.Contains(System.Net.IPAddress.Parse(i.Address!))).Select(i => i.ToString()), Is.Empty);
    }

    [Test]
    public void Adding_a_dhcp_host_to_every_corpus_network_with_ipv4_dhcp_stays_schema_valid()
    {
        var edited = new List<(string, string)>();
        foreach (var entry in LibvirtNested.Testing.Corpus.OfKind("network", validOnly: true))
        {
            var network = NetworkXml.Load(entry.FullPath);
            var ip = network.Ips.FirstOrDefault(i => !i.IsIpv6 && i.Dhcp is not null && i.Subnet is not null);
            if (ip is null)
            {
                continue;
            }

            var subnet = ip.Subnet!.Value;
            var dhcp = ip.Dhcp!;
            var hostAddress = ip.Address;
            var free = Enumerable.Range(2, 250).Select(o => subnet.AddressAt((ulong)o).ToString())
                .First(a => a != hostAddress && dhcp.FindHost(a) is null);
            dhcp.AddHost("52:54:00:fe:dc:ba", "lvn-added-host", free);
            Assert.That(NetworkXml.Parse(network.ToXmlString()).Ipv4!.Dhcp!.FindHost("lvn-added-host")?.Ip, Is.EqualTo(free));
            edited.Add((entry.Path, network.ToXmlString()));
        }

        Assert.That(edited, Has.Count.GreaterThan(20));
        Assert.That(RelaxNg.Validate("network", edited), Is.Empty);
    }
}
