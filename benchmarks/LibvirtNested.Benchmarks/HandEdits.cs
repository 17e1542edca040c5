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

        var controller = EnsureVirtioScsiController(devices);
        AddLunDisk(devices, "/dev/sdb", controller);
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

    public static int EnsureVirtioScsiController(XElement devices)
    {
        var usedIndexes = new HashSet<int>();
        foreach (var controller in devices.Elements("controller"))
        {
            if ((string?)controller.Attribute("type") != "scsi")
            {
                continue;
            }

            var index = int.Parse((string?)controller.Attribute("index") ?? "0", CultureInfo.InvariantCulture);
            if ((string?)controller.Attribute("model") == "virtio-scsi")
            {
                return index;
            }

            usedIndexes.Add(index);
        }

        var free = 0;
        while (usedIndexes.Contains(free))
        {
            free++;
        }

        var added = new XElement(
            "controller",
            new XAttribute("type", "scsi"),
            new XAttribute("index", free.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("model", "virtio-scsi"));
        InsertAfterLast(devices, "controller", added);
        return free;
    }

    /// <summary>A LUN on the virtio-scsi controller: first free sdX target, lowest free unit on that controller.</summary>
    public static void AddLunDisk(XElement devices, string blockDevice, int controller)
    {
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var usedUnits = new HashSet<int>();
        var controllerText = controller.ToString(CultureInfo.InvariantCulture);
        foreach (var existing in devices.Elements())
        {
            if (existing.Name.LocalName == "disk" && existing.Element("target")?.Attribute("dev")?.Value is { } dev)
            {
                usedNames.Add(dev);
            }

            var address = existing.Element("address");
            if (address is not null && (string?)address.Attribute("type") == "drive"
                && ((string?)address.Attribute("controller") ?? "0") == controllerText
                && address.Attribute("unit")?.Value is { } unit)
            {
                usedUnits.Add(int.Parse(unit, CultureInfo.InvariantCulture));
            }
        }

        var name = "sda";
        for (var i = 1; usedNames.Contains(name); i++)
        {
            name = "sd" + (char)('a' + i);
        }

        var free = 0;
        while (usedUnits.Contains(free))
        {
            free++;
        }

        var disk = new XElement(
            "disk",
            new XAttribute("type", "block"),
            new XAttribute("device", "lun"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "raw"), new XAttribute("cache", "none")),
            new XElement("source", new XAttribute("dev", blockDevice)),
            new XElement("target", new XAttribute("dev", name), new XAttribute("bus", "scsi")),
            new XElement(
                "address",
                new XAttribute("type", "drive"),
                new XAttribute("controller", controllerText),
                new XAttribute("bus", "0"),
                new XAttribute("target", "0"),
                new XAttribute("unit", free.ToString(CultureInfo.InvariantCulture))));
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
