using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

[TestFixture]
public sealed class DomainCpuTopologyTests
{
    [Test]
    public void Reads_writes_and_removes_each_attribute()
    {
        var domain = DomainXml.Parse("<domain><cpu><topology sockets='2' cores='4' threads='2'/></cpu></domain>");
        var topology = domain.Cpu!.Topology!;
        Assert.Multiple(() =>
        {
            Assert.That(topology.Sockets, Is.EqualTo(2));
            Assert.That(topology.Dies, Is.Null, "dies is optional");
            Assert.That(topology.Cores, Is.EqualTo(4));
            Assert.That(topology.Threads, Is.EqualTo(2));
        });
        topology.Dies = 1;
        topology.Sockets = 1;
        topology.Threads = null;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><cpu><topology sockets='1' cores='4' dies='1'/></cpu></domain>"));
    }

    [Test]
    public void Malformed_value_throws_naming_element_and_attribute()
    {
        var topology = DomainXml.Parse("<domain><cpu><topology sockets='1' cores='-4' threads='1'/></cpu></domain>").Cpu!.Topology!;
        var error = Assert.Throws<LibvirtXmlValueException>(() => _ = topology.Cores)!;
        Assert.Multiple(() =>
        {
            Assert.That(error.ElementPath, Is.EqualTo("/domain/cpu/topology"));
            Assert.That(error.AttributeName, Is.EqualTo("cores"));
        });
    }
}
