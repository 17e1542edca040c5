using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

[TestFixture]
public sealed class DomainCpuNumaCellTests
{
    [TestCase("1024", null, 1024UL * 1024)]
    [TestCase("3", "MiB", 3UL << 20)]
    [TestCase("1000", "KB", 1_000_000UL)]
    [TestCase("1", "b", 1UL)]
    public void Memory_attribute_is_read_with_its_unit(string memory, string? unit, ulong bytes)
    {
        var unitAttribute = unit is null ? string.Empty : $" unit='{unit}'";
        var cell = DomainXml.Parse($"<domain><cpu><numa><cell memory='{memory}'{unitAttribute}/></numa></cpu></domain>").Cpu!.NumaCells[0];
        Assert.That(cell.MemoryBytes, Is.EqualTo(bytes));
    }

    [Test]
    public void Absent_attributes_read_as_null_and_unknown_mem_access_round_trips()
    {
        var cell = DomainXml.Parse("<domain><cpu><numa><cell memAccess='future'/></numa></cpu></domain>").Cpu!.NumaCells[0];
        Assert.Multiple(() =>
        {
            Assert.That(cell.Id, Is.Null);
            Assert.That(cell.Cpus, Is.Null);
            Assert.That(cell.MemoryBytes, Is.Null);
            Assert.That(cell.Discard, Is.Null);
            Assert.That(cell.MemAccess?.Value, Is.EqualTo("future"));
        });
    }

    [Test]
    public void Overflowing_memory_throws_naming_the_attribute()
    {
        var cell = DomainXml.Parse("<domain><cpu><numa><cell memory='17' unit='EiB'/></numa></cpu></domain>").Cpu!.NumaCells[0];
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = cell.MemoryBytes)!.AttributeName, Is.EqualTo("memory"));
    }

    [Test]
    public void Numa_cell_setters_write_attributes()
    {
        var domain = DomainXml.Parse("<domain><cpu><numa><cell memory='1024'/></numa></cpu></domain>");
        var cell = domain.Cpu!.NumaCells[0];
        cell.Id = 0;
        cell.Cpus = "0-3";
        cell.MemoryBytes = 2UL << 30;
        cell.MemAccess = DomainMemoryAccess.Private;
        cell.Discard = false;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><cpu><numa><cell memory='2' id='0' cpus='0-3' unit='GiB' memAccess='private' discard='no'/></numa></cpu></domain>"));
        cell.MemoryBytes = null;
        Assert.That(cell.Element.Attribute("unit"), Is.Null);
    }
}
