using System.Text;
using LibvirtNested.Testing;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Tests.Corpus;

/// <summary>
/// The four nested-virtualization edits of the walkthrough, applied to every valid x86 kvm/qemu domain of
/// libvirt's own test corpus, must be accepted by libvirt's define (with schema validation) on the test driver.
/// A document the test driver already refuses before any edit is a driver limitation, counted and listed apart.
/// </summary>
public class NestedEditCorpusTests
{
    [Test]
    public void The_four_nested_edits_are_accepted_by_libvirt_define_on_every_valid_x86_domain()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var tried = 0;
        var accepted = 0;
        var refusedBeforeEdit = new List<string>();
        var editFailures = new List<string>();
        var parseSkipped = 0;
        var notX86 = 0;

        foreach (var entry in LibvirtNested.Testing.Corpus.OfKind("domain", validOnly: true))
        {
            DomainXml original;
            try
            {
                original = DomainXml.Load(entry.FullPath);
            }
            catch (LibvirtXmlException)
            {
                parseSkipped++;
                continue;
            }

            if (!IsX86KvmOrQemu(original))
            {
                notX86++;
                continue;
            }

            tried++;
            var name = TestDriver.UniqueName("corpus");
            var baseline = Renamed(original, name);
            if (Define(connection, baseline) is { } baselineError)
            {
                refusedBeforeEdit.Add($"{entry.Path}: {baselineError}");
                continue;
            }

            var edited = Renamed(original, name);
            try
            {
                edited.UseHostPassthrough();
                edited.EnsureVirtioScsiController();
                edited.AddLunDisk("/dev/sdb");
                edited.AddNetworkInterface("default");
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or LibvirtXmlException)
            {
                editFailures.Add($"{entry.Path}: edit threw {e.GetType().Name}: {e.Message}");
                continue;
            }

            if (Define(connection, edited) is { } error)
            {
                editFailures.Add($"{entry.Path}: {error}");
            }
            else
            {
                accepted++;
            }
        }

        var report = new StringBuilder()
            .AppendLine($"x86 kvm/qemu valid domains tried: {tried}; accepted after the four edits: {accepted}")
            .AppendLine($"refused by the test driver before any edit: {refusedBeforeEdit.Count}; not x86 kvm/qemu: {notX86}; unparsable: {parseSkipped}")
            .AppendLine($"refused after the edits: {editFailures.Count}");
        foreach (var line in editFailures.Concat(refusedBeforeEdit.Select(r => "(before edit) " + r)))
        {
            report.AppendLine(line);
        }

        TestContext.Out.WriteLine(report.ToString());
        var reportPath = Path.Combine(TestContext.CurrentContext.WorkDirectory, "nested-edit-corpus-report.txt");
        File.WriteAllText(reportPath, report.ToString());

        Assert.That(tried, Is.GreaterThan(1000));
        Assert.That(editFailures, Is.Empty, report.ToString());
        Assert.That(accepted, Is.EqualTo(tried - refusedBeforeEdit.Count));
    }

    [Test]
    public void EditDomain_applies_the_four_edits_to_libvirt_normalized_corpus_domains()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var sample = LibvirtNested.Testing.Corpus.OfKind("domain", validOnly: true)
            .Select(e => (e.Path, Xml: DomainXml.Load(e.FullPath)))
            .Where(e => IsX86KvmOrQemu(e.Xml))
            .Where((_, index) => index % 10 == 0)
            .ToList();
        var edited = 0;
        var failures = new List<string>();

        foreach (var (path, xml) in sample)
        {
            var name = TestDriver.UniqueName("corpus-edit");
            LibvirtDomain domain;
            try
            {
                domain = connection.DefineDomain(Renamed(xml, name));
            }
            catch (LibvirtException)
            {
                continue;
            }

            using (domain)
            {
                try
                {
                    var result = connection.EditDomain(domain, d =>
                    {
                        d.UseHostPassthrough();
                        d.EnsureVirtioScsiController();
                        d.AddLunDisk("/dev/sdb");
                        d.AddNetworkInterface("default");
                    });
                    var devices = result.Xml.Devices;
                    if (!result.Applied
                        || devices.Disks.All(disk => disk.Source?.Dev != "/dev/sdb")
                        || devices.Interfaces.All(i => i.Source?.Element.Attribute("network")?.Value != "default")
                        || result.Xml.Element.Element("cpu")?.Attribute("mode")?.Value != "host-passthrough")
                    {
                        failures.Add($"{path}: edit not visible in libvirt's definition:\n{result.Diff}");
                    }
                    else
                    {
                        edited++;
                    }
                }
                catch (LibvirtException e)
                {
                    failures.Add($"{path}: {e.GetType().Name} {e.CodeName}: {e.LibvirtMessage}");
                }
                finally
                {
                    domain.Undefine(DomainUndefineOptions.ManagedSave | DomainUndefineOptions.SnapshotsMetadata);
                }
            }
        }

        TestContext.Out.WriteLine($"EditDomain on {sample.Count} sampled x86 corpus domains: {edited} edited, {failures.Count} failed");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(edited, Is.GreaterThan(100));
    }

    private static bool IsX86KvmOrQemu(DomainXml domain)
    {
        var arch = (string?)domain.Element.Element("os")?.Element("type")?.Attribute("arch");
        return domain.Type is "kvm" or "qemu" && (arch is null or "x86_64" or "i686");
    }

    private static DomainXml Renamed(DomainXml original, string name)
    {
        var copy = original.Clone();
        copy.Name = name;
        copy.Element.Element("uuid")?.Remove();
        return copy;
    }

    /// <summary>Defines with validation and undefines again; returns libvirt's refusal, or null when accepted.</summary>
    private static string? Define(LibvirtConnection connection, DomainXml domain)
    {
        try
        {
            using var defined = connection.DefineDomain(domain);
            defined.Undefine(DomainUndefineOptions.ManagedSave | DomainUndefineOptions.SnapshotsMetadata);
            return null;
        }
        catch (LibvirtException e)
        {
            return $"{e.GetType().Name} {e.CodeName}: {e.LibvirtMessage}";
        }
    }
}
