// Uses LibvirtNested as a package user would: build a guest, define it on test:///default, edit it for nesting,
// read it back, and create the NAT network; then registers LibvirtNested.Hosting in a service container and asks its health
// check. Prints one line per check; exits non-zero on the first failure.
using System.Reflection;
using LibvirtNested;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Network;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// LibvirtNested is Linux-only ([SupportedOSPlatform("linux")]): a caller says so too, or the platform analyzer (CA1416)
// warns at every call, and this project treats warnings as errors.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException($"check failed: {what}");
    }

    Console.WriteLine($"ok: {what}");
}

var version = typeof(LibvirtConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
Console.WriteLine($"LibvirtNested {version}");

var guest = new DomainBuilder("package-test")
    .WithMemory(DataSize.FromGibibytes(1))
    .WithVcpus(1)
    .WithFileDisk("/var/lib/libvirt/images/package-test.qcow2")
    .WithNetworkInterface("default")
    .Build();

using var connection = LibvirtConnection.Open("test:///default");
using (var defined = connection.DefineDomain(guest))
{
    Check(defined.Name == "package-test", "defined the guest");
}

var edit = connection.EditDomain("package-test", domain =>
{
    domain.UseHostPassthrough();
    domain.AddLunDisk("/dev/sdb");
});
Check(edit.Applied && edit.Diff.Contains("+  <cpu mode='host-passthrough'/>", StringComparison.Ordinal), "edited it (host-passthrough, LUN) with a diff");

using (var readBack = connection.GetDomain("package-test"))
{
    var xml = readBack.GetInactiveXml();
    Check(xml.Cpu?.Mode == DomainCpuMode.HostPassthrough, "read back host-passthrough");
    Check(xml.Devices.Disks.Any(d => d.Device == DomainDiskDevice.Lun && d.Source?.Dev == "/dev/sdb"), "read back the LUN disk");
    Check(xml.Devices.Controllers.Any(c => c.Model == DomainControllerModel.VirtioScsi), "read back the virtio-scsi controller");
}

var network = new NatNetworkBuilder("nested-bridge").WithBridge("virbr1").WithSubnet("192.168.166.0/24")
    .WithDhcpRange("192.168.166.128", "192.168.166.254").Build();
using (var defined = connection.DefineNetwork(network))
{
    defined.Start();
    Check(defined.IsActive && defined.BridgeName == "virbr1", "defined and started the NAT network");
}

try
{
    connection.GetDomain("no-such-guest");
    Check(false, "a missing guest throws");
}
catch (LibvirtNotFoundException e)
{
    Check(e.CodeName == "VIR_ERR_NO_DOMAIN", "a missing guest throws LibvirtNotFoundException");
}

var services = new ServiceCollection().AddLogging().AddLibvirtNested(options => options.Uri = "test:///default");
services.AddHealthChecks().AddLibvirt();
using (var provider = services.BuildServiceProvider())
{
    var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    Check(report.Status == HealthStatus.Healthy, "the hosting package's health check sees the shared connection alive");
}

Console.WriteLine("PACKAGE OK");
