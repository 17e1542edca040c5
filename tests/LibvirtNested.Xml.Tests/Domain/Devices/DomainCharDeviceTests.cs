using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainCharDeviceTests
{
    private const string Devices = """
        <serial type='pty'>
          <source path='/dev/pts/3'/>
          <target type='isa-serial' port='0'>
            <model name='isa-serial'/>
          </target>
        </serial>
        <console type='pty' tty='/dev/pts/3'>
          <source path='/dev/pts/3'/>
          <target type='serial' port='0'/>
        </console>
        <channel type='unix'>
          <source mode='bind' path='/run/qga.sock'/>
          <target type='virtio' name='org.qemu.guest_agent.0'/>
          <address type='virtio-serial' controller='0' bus='0' port='1'/>
        </channel>
        """;

    [Test]
    public void Reads_serial_console_and_channel()
    {
        var devices = DeviceXml.WithDevices(Devices).Devices;
        var serial = devices.OfType<DomainSerial>().Single();
        var console = devices.OfType<DomainConsole>().Single();
        var channel = devices.OfType<DomainChannel>().Single();
        Assert.Multiple(() =>
        {
            Assert.That((serial.Type, serial.SourcePath, serial.TargetType, serial.TargetPort), Is.EqualTo(("pty", "/dev/pts/3", "isa-serial", (int?)0)));
            Assert.That((console.Type, console.TargetType, console.TargetPort), Is.EqualTo(("pty", "serial", (int?)0)));
            Assert.That((channel.Type, channel.SourcePath, channel.TargetType, channel.TargetName), Is.EqualTo(("unix", "/run/qga.sock", "virtio", "org.qemu.guest_agent.0")));
            Assert.That(channel.TargetPort, Is.Null);
            Assert.That(channel.Address!.Get("port"), Is.EqualTo("1"));
        });
    }

    [Test]
    public void Writes_new_char_devices_and_null_removes()
    {
        var domain = DeviceXml.WithDevices("<emulator>/usr/bin/qemu-system-x86_64</emulator>");
        var serial = domain.Devices.Add(new DomainSerial(new XElement("serial")));
        serial.Type = "pty";
        serial.TargetPort = 0;
        var channel = domain.Devices.Add(new DomainChannel(new XElement("channel", new XAttribute("type", "unix"))));
        channel.TargetType = "virtio";
        channel.TargetName = "org.qemu.guest_agent.0";
        channel.SourcePath = "/run/a.sock";
        channel.SourcePath = null;
        Assert.That(domain.ToXmlString(), Is.EqualTo(DeviceXml.WithDevices("""
            <emulator>/usr/bin/qemu-system-x86_64</emulator>
            <serial type='pty'>
              <target port='0'/>
            </serial>
            <channel type='unix'>
              <target type='virtio' name='org.qemu.guest_agent.0'/>
            </channel>
            """).ToXmlString()));
    }

    [Test]
    public void Constructors_refuse_other_elements()
    {
        Assert.That(() => new DomainSerial(new XElement("console")), Throws.ArgumentException);
        Assert.That(() => new DomainConsole(new XElement("serial")), Throws.ArgumentException);
        Assert.That(() => new DomainChannel(new XElement("serial")), Throws.ArgumentException);
    }
}
