using LibvirtNested.Xml.Internal;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Internal;

/// <summary>The one datatype check: each of libvirt's patterns, anchored at both ends, with XML's own character rules first.</summary>
[TestFixture]
public sealed class LibvirtDatatypesTests
{
    private static readonly (string Datatype, Func<string, string, string> Check, string Good)[] Checks =
    [
        ("absFilePath", LibvirtDatatypes.AbsFilePath, "/dev/sdb"),
        ("uniMacAddr", LibvirtDatatypes.UniMacAddr, "52:54:00:12:34:56"),
        ("objectName", LibvirtDatatypes.ObjectName, "nested-L2"),
        ("deviceName", LibvirtDatatypes.DeviceName, "virbr1"),
        ("deviceName", LibvirtDatatypes.InterfaceName, "virbr1"),
        ("dnsName", LibvirtDatatypes.DnsName, "nested.test"),
        ("interface model type", LibvirtDatatypes.InterfaceModel, "virtio"),
        ("machine", LibvirtDatatypes.Machine, "pc-q35-7.2"),
        ("archnames", LibvirtDatatypes.Arch, "x86_64"),
        ("domain type (hvs)", LibvirtDatatypes.DomainType, "kvm"),
        ("storageFormat", LibvirtDatatypes.StorageFormat, "qcow2"),
        ("diskTargetDev", LibvirtDatatypes.DiskTargetDev, "sdb"),
        ("disk bus", LibvirtDatatypes.DiskBus, "virtio"),
    ];

    private static IEnumerable<TestCaseData> EveryCheckWithEveryBreaker()
    {
        string[] breakers = ["\n", "\r", "\0", "\t", "\u007f", "\uFFFE", "\uFFFF"];
        foreach (var (datatype, check, good) in Checks)
        {
            foreach (var breaker in breakers)
            {
                // A trailing newline is the case a regex ending in $ lets through.
                yield return new TestCaseData(datatype, check, good + breaker).SetName($"{datatype}_refuses_{good}+U{(int)breaker[0]:X4}_at_the_end");
                yield return new TestCaseData(datatype, check, breaker + good).SetName($"{datatype}_refuses_U{(int)breaker[0]:X4}+{good}_at_the_start");
            }

            yield return new TestCaseData(datatype, check, good + (char)0xD800).SetName($"{datatype}_refuses_{good}_with_a_lone_high_surrogate");
            yield return new TestCaseData(datatype, check, (char)0xDC00 + good).SetName($"{datatype}_refuses_{good}_with_a_lone_low_surrogate");
        }
    }

    [TestCaseSource(nameof(EveryCheckWithEveryBreaker))]
    public void Refuses_control_and_non_xml_characters_anywhere(string datatype, Func<string, string, string> check, string value)
    {
        var e = Assert.Throws<LibvirtXmlValueException>(() => check(value, "p"));
        Assert.That((e!.ParameterName, e.Datatype, e.Value), Is.EqualTo(("p", datatype, value)));
        Assert.That(e.Message.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'), Is.False, "the value is escaped for display");
    }

    [Test]
    public void Accepts_the_good_values()
    {
        foreach (var (_, check, good) in Checks)
        {
            Assert.That(check(good, "p"), Is.EqualTo(good));
        }
    }

    [TestCase("/")]
    [TestCase("//")]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("dev/sdb")]
    public void AbsFilePath_refuses_the_root_empty_and_relative_paths(string path) =>
        Assert.That(() => LibvirtDatatypes.AbsFilePath(path, "p"), Throws.TypeOf<LibvirtXmlValueException>());

    [TestCase("/dev/sdb")]
    [TestCase("/isos/debian 12.iso")]
    [TestCase("/images/é.qcow2")]
    public void AbsFilePath_accepts_what_the_schema_accepts(string path) =>
        Assert.That(LibvirtDatatypes.AbsFilePath(path, "p"), Is.EqualTo(path));

    [TestCase("e1000 e")]
    [TestCase("<virtio>")]
    [TestCase("virtio'")]
    [TestCase("")]
    public void InterfaceModel_refuses_spaces_and_markup(string model) =>
        Assert.That(() => LibvirtDatatypes.InterfaceModel(model, "model"), Throws.TypeOf<LibvirtXmlValueException>());

    [TestCase("virbr-nested-br0")]
    [TestCase("vir br")]
    [TestCase("virbr:0")]
    [TestCase("vir/br")]
    [TestCase(".")]
    [TestCase("..")]
    [TestCase("")]
    public void InterfaceName_refuses_what_dev_valid_name_refuses(string name) =>
        Assert.That(() => LibvirtDatatypes.InterfaceName(name, "bridgeName"), Throws.TypeOf<LibvirtXmlValueException>());

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(65536)]
    [TestCase(int.MaxValue)]
    public void CountCpu_refuses_what_an_unsignedShort_of_at_least_1_cannot_hold(int count) =>
        Assert.That(() => LibvirtDatatypes.CountCpu(count, "count"), Throws.TypeOf<LibvirtXmlValueException>().With.Property("Datatype").EqualTo("countCPU"));

    [Test]
    public void CountCpu_accepts_1_to_65535()
    {
        Assert.That(LibvirtDatatypes.CountCpu(1, "count"), Is.EqualTo(1));
        Assert.That(LibvirtDatatypes.CountCpu(65535, "count"), Is.EqualTo(65535));
    }

    [Test]
    public void Display_escapes_and_shortens()
    {
        Assert.That(LibvirtXmlValueException.Display("a\nb\0c\uFFFE'"), Is.EqualTo("a\\nb\\u0000c\\uFFFE\\'"));
        Assert.That(LibvirtXmlValueException.Display(new string('x', 5000)), Does.EndWith("… (5000 characters)").And.Length.LessThan(200));
    }
}
