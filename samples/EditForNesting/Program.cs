// Edits a libvirt domain XML file so the guest can run guests of its own (L1 in a nested setup):
// host-passthrough CPU, a virtio-scsi controller, a block device passed through as a SCSI LUN and a NIC on
// the nested NAT network. The file is replaced atomically and the change is printed as a unified diff.
//
//   dotnet run --project samples/EditForNesting -- guest.xml [--lun /dev/sdb] [--network nested-bridge]

using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;

string? path = null;
var lun = "/dev/sdb";
var network = "nested-bridge";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--lun" when i + 1 < args.Length:
            lun = args[++i];
            break;
        case "--network" when i + 1 < args.Length:
            network = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine("usage: EditForNesting guest.xml [--lun /dev/sdb] [--network nested-bridge]");
            return 0;
        default:
            if (path is not null || args[i].StartsWith('-'))
            {
                Console.Error.WriteLine($"EditForNesting: unexpected argument '{args[i]}' (try --help).");
                return 2;
            }

            path = args[i];
            break;
    }
}

if (path is null)
{
    Console.Error.WriteLine("usage: EditForNesting guest.xml [--lun /dev/sdb] [--network nested-bridge]");
    return 2;
}

try
{
    var domain = DomainXml.Load(path);
    var before = domain.ToXmlString();

    domain.UseHostPassthrough();
    domain.EnsureVirtioScsiController();
    domain.AddLunDisk(lun);
    // AddNetworkInterface adds a NIC on every call; one per network is what a rerun should keep.
    if (!domain.Devices.Interfaces.Any(nic => nic.Source?.Network == network))
    {
        domain.AddNetworkInterface(network);
    }

    var after = domain.ToXmlString();
    var diff = XmlTextDiff.Unified(before, after, path, path);
    if (diff.Length == 0)
    {
        Console.WriteLine($"{path}: already set up for nesting; nothing changed.");
        return 0;
    }

    domain.Save(path);
    Console.Write(diff);
    return 0;
}
catch (Exception e) when (e is LibvirtXmlException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"EditForNesting: {path}: {e.Message}");
    return 1;
}
