using System.Xml.Linq;
using LibvirtNested.Testing;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainDeviceCorpusTests
{
    /// <summary>Reviewed: documents whose edited form fails the schema for a reason inherent to the original, by file.</summary>
    private static readonly Dictionary<string, string> KnownSchemaFailures = new(StringComparer.Ordinal);

    /// <summary>Reviewed: documents with a device value that is genuinely malformed, by file.</summary>
    private static readonly Dictionary<string, string> KnownUnreadable = new(StringComparer.Ordinal);

    [Test]
    public void The_walkthrough_edits_on_every_valid_corpus_domain_validate_and_keep_every_node()
    {
        var entries = LibvirtNested.Testing.Corpus.OfKind("domain", validOnly: true).ToList();
        var edited = new List<(string Name, string Xml)>();
        var failures = new List<string>();
        var lunsAdded = 0;
        foreach (var entry in entries)
        {
            var text = File.ReadAllText(entry.FullPath);
            try
            {
                var domain = DomainXml.Parse(text);
                var lunExisted = domain.Devices.Disks.Any(d => d.Source?.Dev == "/dev/sdb");
                var controller = domain.EnsureVirtioScsiController();
                var lun = domain.AddLunDisk("/dev/sdb");
                var nic = domain.AddNetworkInterface("nested-bridge");
                Assert.That(controller.Model, Is.EqualTo(DomainControllerModel.VirtioScsi), entry.Path);
                Assert.That(lun.Source?.Dev, Is.EqualTo("/dev/sdb"), entry.Path);
                Assert.That(nic.Element.Parent, Is.Not.Null, entry.Path);
                if (!lunExisted)
                {
                    lunsAdded++;
                    Assert.That(domain.Devices.Disks.Count(d => d.Target?.Dev == lun.Target!.Dev), Is.EqualTo(1), entry.Path + ": target name clash");
                    var address = DriveAddress(lun);
                    Assert.That(domain.Devices.Where(d => d.Element != lun.Element && IsOnScsiBus(d)).Select(DriveAddress), Has.None.EqualTo(address), entry.Path + ": drive address clash");
                }
                var xml = domain.ToXmlString();
                var missing = MultisetMissing(Nodes(text), Nodes(xml));
                if (missing.Count > 0)
                {
                    failures.Add($"{entry.Path}: lost {string.Join(", ", missing.Take(3))}");
                }

                edited.Add((entry.Path, xml));
            }
            catch (Exception e) when (e is LibvirtXmlException or ArgumentException or InvalidOperationException)
            {
                failures.Add($"{entry.Path}: {e.GetType().Name}: {e.Message}");
            }
        }

        var invalid = RelaxNg.Validate("domain", edited);
        var unexpected = invalid.Where(f => !KnownSchemaFailures.ContainsKey(f.Key)).Select(f => f.Key + "\n" + f.Value).ToList();
        var stale = KnownSchemaFailures.Keys.Where(k => !invalid.ContainsKey(k)).ToList();
        TestContext.Out.WriteLine($"{entries.Count} valid corpus domains edited ({lunsAdded} got a new LUN); {edited.Count - invalid.Count} validate, {invalid.Count} fail the schema ({KnownSchemaFailures.Count} reviewed), {failures.Count} lost nodes or threw.");
        Assert.That(entries, Has.Count.GreaterThan(1500));
        Assert.That(failures, Is.Empty);
        Assert.That(unexpected, Is.Empty);
        Assert.That(stale, Is.Empty, "reviewed failures that no longer fail");
    }

    [Test]
    public void Every_device_property_reads_on_every_valid_corpus_domain()
    {
        var entries = LibvirtNested.Testing.Corpus.OfKind("domain", validOnly: true).ToList();
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var devices = 0;
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var domain = DomainXml.Load(entry.FullPath);
            foreach (var device in domain.Devices)
            {
                devices++;
                kinds[device.GetType().Name] = kinds.GetValueOrDefault(device.GetType().Name) + 1;
                try
                {
                    ReadEverything(device);
                }
                catch (LibvirtXmlValueException e)
                {
                    failures.TryAdd(entry.Path, e.Message);
                }
            }
        }

        TestContext.Out.WriteLine($"{entries.Count} documents, {devices} devices ({string.Join(", ", kinds.Select(k => $"{k.Key}={k.Value}"))}); {failures.Count} documents with an unreadable value.");
        foreach (var failure in failures)
        {
            TestContext.Out.WriteLine($"  {failure.Key}: {failure.Value}");
        }

        Assert.That(failures.Keys.Except(KnownUnreadable.Keys), Is.Empty);
        Assert.That(KnownUnreadable.Keys.Except(failures.Keys), Is.Empty, "reviewed exceptions that now read");
    }

    private static void ReadEverything(DomainDevice device)
    {
        var values = new List<object?> { device.Kind, device.Alias };
        if (device.Address is { } address)
        {
            values.AddRange([address.Type, address.Controller, address.Bus, address.Target, address.Unit, address.Domain, address.Slot, address.Function, address.Attributes.Count]);
        }

        switch (device)
        {
            case DomainDisk disk:
                values.AddRange([disk.Type, disk.Device, disk.Sgio, disk.Rawio, disk.ReadOnly, disk.Shareable, disk.Serial, disk.Wwn, disk.BootOrder]);
                if (disk.Driver is { } driver)
                {
                    values.AddRange([driver.Name, driver.Type, driver.Cache, driver.Io, driver.Discard]);
                }

                if (disk.Source is { } source)
                {
                    values.AddRange([source.File, source.Dev, source.Dir, source.Pool, source.Volume, source.Protocol, source.Name]);
                    values.AddRange(source.Hosts.SelectMany(h => new object?[] { h.Name, h.Port, h.Transport, h.Socket }));
                }

                if (disk.Target is { } target)
                {
                    values.AddRange([target.Dev, target.Bus]);
                }

                break;
            case DomainController controller:
                values.AddRange([controller.Type, controller.Index, controller.Model, controller.Queues]);
                break;
            case DomainInterface nic:
                values.AddRange([nic.Type, nic.Mac, nic.Model, nic.TargetDev, nic.BootOrder, nic.Source?.Network, nic.Source?.Bridge, nic.Source?.Dev, nic.Source?.Mode]);
                break;
            case DomainHostdev hostdev:
                values.AddRange([hostdev.Mode, hostdev.Type, hostdev.Managed, hostdev.UsbVendor, hostdev.UsbProduct, hostdev.ScsiAdapter, hostdev.BootOrder]);
                if (hostdev.SourceAddress is { } sourceAddress)
                {
                    values.AddRange([sourceAddress.Domain, sourceAddress.Bus, sourceAddress.Slot, sourceAddress.Function, sourceAddress.Target, sourceAddress.Unit]);
                }

                break;
            case DomainGraphics graphics:
                values.AddRange([graphics.Type, graphics.Port, graphics.AutoPort, graphics.Listen]);
                break;
            case DomainCharDevice chardev:
                values.AddRange([chardev.Type, chardev.SourcePath, chardev.TargetType, chardev.TargetPort, (chardev as DomainChannel)?.TargetName]);
                break;
            case DomainGenericDevice generic:
                values.AddRange([generic.Type, generic.Model]);
                break;
            default:
                Assert.Fail("unexpected view type " + device.GetType().Name);
                break;
        }

        Assert.That(values, Is.Not.Empty);
    }

    /// <summary>The items of <paramref name="original"/> that <paramref name="result"/> has fewer of (multiset difference).</summary>
    private static List<string> MultisetMissing(List<string> original, List<string> result)
    {
        var counts = result.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var node in original)
        {
            if (counts.GetValueOrDefault(node) == 0)
            {
                missing.Add(node);
            }
            else
            {
                counts[node]--;
            }
        }

        return missing;
    }

    private static (int, int, int, int)? DriveAddress(DomainDevice device) =>
        device.Address is { Type.Value: "drive" } a ? (a.Controller ?? 0, a.Bus ?? 0, a.Target ?? 0, a.Unit ?? 0) : null;

    private static bool IsOnScsiBus(DomainDevice device) => device switch
    {
        DomainDisk disk => disk.Target?.Bus == DomainDiskBus.Scsi || (disk.Target?.Bus is null && disk.Target?.Dev?.StartsWith("sd", StringComparison.Ordinal) == true),
        DomainHostdev hostdev => hostdev.Type == DomainHostdevType.Scsi,
        _ => false,
    };

    /// <summary>Every element, attribute (with its value), text and comment of a document as a multiset of paths.</summary>
    private static List<string> Nodes(string xml)
    {
        var nodes = new List<string>();
        void Walk(XElement element, string parent)
        {
            var path = parent + "/" + element.Name;
            nodes.Add(path);
            nodes.AddRange(element.Attributes().Select(a => $"{path}/@{a.Name}={a.Value}"));
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XElement child:
                        Walk(child, path);
                        break;
                    case XComment comment:
                        nodes.Add($"{path}/comment()={comment.Value}");
                        break;
                    case XText text when !string.IsNullOrWhiteSpace(text.Value):
                        nodes.Add($"{path}/text()={text.Value}");
                        break;
                }
            }
        }

        Walk(XDocument.Parse(xml).Root!, string.Empty);
        return nodes;
    }
}
