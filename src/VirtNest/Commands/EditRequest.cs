using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Cli.Commands;

/// <summary>The edits asked for on the command line, applied in a fixed order so that a rerun is a no-op.</summary>
internal sealed record EditRequest(bool HostPassthrough, bool VirtioScsi, IReadOnlyList<string> Luns, IReadOnlyList<string> Networks)
{
    public bool HasAny => HostPassthrough || VirtioScsi || Luns.Count > 0 || Networks.Count > 0;

    public void Apply(DomainXml domain, Action<string>? verifyDevice)
    {
        if (HostPassthrough)
        {
            domain.UseHostPassthrough();
        }

        if (VirtioScsi)
        {
            domain.EnsureVirtioScsiController();
        }

        foreach (var path in Luns)
        {
            domain.AddLunDisk(path, new LunDiskOptions { VerifyDevice = verifyDevice });
        }

        foreach (var name in Networks)
        {
            // AddNetworkInterface adds a NIC on every call; one per network is what a rerun must leave.
            if (!domain.Devices.Interfaces.Any(nic => nic.Source?.Network == name))
            {
                domain.AddNetworkInterface(name);
            }
        }
    }
}
