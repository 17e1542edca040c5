using System.Globalization;
using System.Xml.Linq;

namespace LibvirtNested.Benchmarks;

/// <summary>
/// The baseline: the four nested-virtualization edits written by hand with LINQ to XML, the way a user of
/// plain <see cref="XDocument"/> would write them (no indentation of new elements, no model).
/// </summary>
public static class HandEdits
{
    public static string EditAll(string text)
    {
        var document = XDocument.Parse(text, LoadOptions.PreserveWhitespace);
        var domain = document.Root!;
        UseHostPassthrough(domain);
        var devices = domain.Element("devices");
        if (devices is null)
        {
            devices = new XElement("devices");
            domain.Add(devices);
        }

        EnsureVirtioScsiController(devices);
        AddLunDisk(devices, "/dev/sdb");
        AddNetworkInterface(devices, "nested-bridge");
        return document.ToString(SaveOptions.DisableFormatting);
    }

    public static void UseHostPassthrough(XElement domain)
    {
        var cpu = domain.Element("cpu");
        if (cpu is null)
        {
            cpu = new XElement("cpu");
            var after = domain.Element("features") ?? domain.Element("vcpu") ?? domain.Element("currentMemory") ?? domain.Element("memory");
            if (after is null)
            {
                domain.Add(cpu);
            }
            else
            {
                after.AddAfterSelf(cpu);
            }
        }

        cpu.SetAttributeValue("mode", "host-passthrough");
        cpu.SetAttributeValue("match", null);
        cpu.Element("model")?.Remove();
        cpu.Element("vendor")?.Remove();
    }

    public static void EnsureVirtioScsiController(XElement devices)
    {
        var maxIndex = -1;
        foreach (var controller in devices.Elements("controller"))
        {
            if ((string?)controller.Attribute("type") != "scsi")
            {
                continue;
            }

            if ((string?)controller.Attribute("model") == "virtio-scsi")
            {
                return;
            }

            maxIndex = Math.Max(maxIndex, int.Parse((string?)controller.Attribute("index") ?? "0", CultureInfo.InvariantCulture));
        }

        var added = new XElement(
            "controller",
            new XAttribute("type", "scsi"),
            new XAttribute("index", (maxIndex + 1).ToString(CultureInfo.InvariantCulture)),
            new XAttribute("model", "virtio-scsi"));
        InsertAfterLast(devices, "controller", added);
    }

    public static void AddLunDisk(XElement devices, string blockDevice)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in devices.Elements("disk").Elements("target"))
        {
            if (target.Attribute("dev")?.Value is { } dev)
            {
                used.Add(dev);
            }
        }

        var name = "sda";
        for (var i = 0; used.Contains(name); i++)
        {
            name = "sd" + (char)('a' + i);
        }

        var disk = new XElement(
            "disk",
            new XAttribute("type", "block"),
            new XAttribute("device", "lun"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "raw")),
            new XElement("source", new XAttribute("dev", blockDevice)),
            new XElement("target", new XAttribute("dev", name), new XAttribute("bus", "scsi")));
        InsertAfterLast(devices, "disk", disk);
    }

    public static void AddNetworkInterface(XElement devices, string network)
    {
        var nic = new XElement(
            "interface",
            new XAttribute("type", "network"),
            new XElement("source", new XAttribute("network", network)),
            new XElement("model", new XAttribute("type", "virtio")));
        InsertAfterLast(devices, "interface", nic);
    }

    private static void InsertAfterLast(XElement parent, string name, XElement added)
    {
        var last = parent.Elements(name).LastOrDefault();
        if (last is null)
        {
            parent.Add(added);
        }
        else
        {
            last.AddAfterSelf(added);
        }
    }
}
