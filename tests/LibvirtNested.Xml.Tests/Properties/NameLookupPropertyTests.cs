using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.DomainCapabilities;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Properties;

/// <summary>
/// Members that take an element or attribute name from the caller (issue 8, defect 8: <c>GetEnum</c> threw
/// <see cref="System.Xml.XmlException"/> on a malformed path). Over adversarial names, a lookup finds something or
/// nothing, and a write of a name no XML element can have is an <see cref="ArgumentException"/> — never another exception.
/// </summary>
public class NameLookupPropertyTests
{
    private const string Capabilities = """
        <domainCapabilities>
          <path>/usr/bin/qemu-system-x86_64</path>
          <domain>kvm</domain>
          <os supported='yes'><enum name='firmware'><value>efi</value></enum></os>
          <devices><disk supported='yes'><enum name='bus'><value>scsi</value><value>virtio</value></enum></disk></devices>
          <features><sev supported='no'/></features>
        </domainCapabilities>
        """;

    private const string Domain = """
        <domain type='kvm'>
          <name>g</name>
          <memory>1024</memory>
          <os><type>hvm</type></os>
          <features><acpi/></features>
          <devices><disk type='file' device='disk'><target dev='vda'/><address type='pci' bus='0x00' slot='0x05'/></disk></devices>
        </domain>
        """;

    [Test]
    public void Malformed_paths_and_names_find_nothing_and_good_ones_still_work()
    {
        var caps = DomainCapabilitiesXml.Parse(Capabilities);

        Assert.That(caps.GetEnum("devices/disk", "bus"), Is.EqualTo(new[] { "scsi", "virtio" }));
        Assert.That(caps.GetEnum("disk", "bus"), Is.EqualTo(new[] { "scsi", "virtio" }));
        Assert.That(caps.GetEnum("devices/<disk>", "bus"), Is.Empty);
        Assert.That(caps.GetEnum("devices/a b", "bus"), Is.Empty);
        Assert.That(caps.FindDevice("1disk"), Is.Null);
        Assert.That(caps.IsFeatureSupported("s e v"), Is.False);
    }

    [Test]
    public void Every_name_taking_member_returns_or_throws_ArgumentException_for_any_name()
    {
        var values = new AdversarialValues(seed: 8);
        var cases = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var name = values.Chance(0.5) ? values.Name() : values.Path();
            var caps = DomainCapabilitiesXml.Parse(Capabilities);
            var domain = DomainXml.Parse(Domain);
            var address = domain.Devices.Disks.Single().Address!;
            Action[] calls =
            [
                () => caps.GetEnum(name, "bus"),
                () => caps.GetEnum("devices/" + name, name),
                () => caps.FindDevice(name),
                () => caps.IsFeatureSupported(name),
                () => domain.Features!.Contains(name),
                () => domain.Features!.Get(name),
                () => domain.Features!.Remove(name),
                () => domain.Features!.Add(name),
                () => address.Get(name),
                () => address.Set(name, "1"),
            ];
            foreach (var call in calls)
            {
                cases++;
                try
                {
                    call();
                }
                catch (ArgumentException)
                {
                    // The documented refusal of a name no XML element or attribute can have.
                }
                catch (Exception e)
                {
                    Assert.Fail($"name {Escape(name)}: {e.GetType().Name}: {e.Message}");
                }
            }

            Assert.That(() => DomainXml.Parse(domain.ToXmlString()), Throws.Nothing, $"name {Escape(name)} left a document that does not parse");
        }

        TestContext.Out.WriteLine($"{cases} calls, none threw anything but ArgumentException");
    }

    private static string Escape(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c > '\u007e' ? $"\\u{(int)c:x4}" : c.ToString()));
}
