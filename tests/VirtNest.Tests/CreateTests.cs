using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary><c>virt-nest create</c> on test:///default: virt-install's options of the walkthrough, --print-xml, define and start.</summary>
[TestFixture]
public sealed class CreateTests : TestDriverFixture
{
    private readonly List<string> created = [];

    [TearDown]
    public void Remove()
    {
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        foreach (var name in created)
        {
            if (connection.TryGetDomain(name, out var domain))
            {
                using (domain)
                {
                    if (domain!.IsActive)
                    {
                        domain.Destroy();
                    }

                    domain.Undefine();
                }
            }
        }
    }

    private string NewName()
    {
        var name = Cli.UniqueName("l2");
        created.Add(name);
        return name;
    }

    [Test]
    public void Create_defines_and_starts_the_guest_virt_install_would()
    {
        var name = NewName();

        var result = Cli.OnTestDriver("create", name, "-r", "16000", "--vcpus", "4", "-l", "/var/lib/libvirt/images/debian-12-netinst.iso",
            "--disk", "path=/dev/sda2", "-w", "network=nested-bridge");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Contain($"Domain '{name}' defined").And.Contain("started"));
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        using var domain = connection.GetDomain(name);
        Assert.That(domain.IsActive, Is.True);
        var xml = DomainXml.Parse(domain.GetInactiveXmlString());
        Assert.That(xml.MemoryBytes, Is.EqualTo(16000UL << 20));
        Assert.That(xml.Vcpu?.Count, Is.EqualTo(4));
        Assert.That(xml.Devices.Disks.Select(d => d.Source?.File ?? d.Source?.Dev), Is.EqualTo(new[] { "/var/lib/libvirt/images/debian-12-netinst.iso", "/dev/sda2" }));
        Assert.That(xml.Devices.Interfaces.Single().Source?.Network, Is.EqualTo("nested-bridge"));
        Assert.That(xml.Cpu?.Mode, Is.Not.EqualTo(DomainCpuMode.HostPassthrough));
    }

    [Test]
    public void Print_xml_prints_the_domain_and_defines_nothing()
    {
        var name = NewName();

        var result = Cli.OnTestDriver("create", name, "--memory", "4G", "--disk", "/var/lib/libvirt/images/l2.qcow2", "--network", "nested-bridge",
            "--host-passthrough", "--print-xml");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var xml = DomainXml.Parse(result.Output);
        Assert.That(xml.Name, Is.EqualTo(name));
        Assert.That(xml.MemoryBytes, Is.EqualTo(4UL << 30));
        Assert.That(xml.Cpu?.Mode, Is.EqualTo(DomainCpuMode.HostPassthrough));
        Assert.That(result.Output, Does.Contain("<driver name='qemu' type='qcow2'/>").Or.Contain("type='qcow2'"));
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        Assert.That(connection.TryGetDomain(name, out _), Is.False);
    }

    [Test]
    public void No_start_only_defines()
    {
        var name = NewName();

        var result = Cli.OnTestDriver("create", name, "-r", "1024", "--no-start");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        using var domain = connection.GetDomain(name);
        Assert.That(domain.IsActive, Is.False);
    }

    [TestCase("--memory", "lots", "--memory lots")]
    [TestCase("--vcpus", "0", "vcpu")]
    [TestCase("--disk", "relative.qcow2", "relative.qcow2")]
    public void A_refused_value_is_a_usage_error_and_defines_nothing(string option, string value, string expected)
    {
        var name = NewName();
        string[] args = option == "--memory" ? ["create", name, option, value] : ["create", name, "-r", "1024", option, value];

        var result = Cli.OnTestDriver(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain(expected));
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        Assert.That(connection.TryGetDomain(name, out _), Is.False);
    }

    [Test]
    public void Location_and_cdrom_together_are_a_usage_error()
    {
        var result = Cli.OnTestDriver("create", NewName(), "-r", "1024", "-l", "/a.iso", "--cdrom", "/b.iso");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Cli.AssertOneErrorParagraph(result);
    }

    [Test]
    public void An_existing_name_exits_8_in_one_paragraph()
    {
        var result = Cli.OnTestDriver("create", "test", "-r", "1024", "--no-start");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.AlreadyExists), result.ToString);
        Cli.AssertOneErrorParagraph(result);
    }
}
