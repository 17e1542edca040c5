using System.Xml.Linq;
using LibvirtNested.Testing;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

/// <summary>The typed domain model and the host-passthrough edit over every valid domain of libvirt's own test suite.</summary>
[TestFixture]
public sealed class DomainXmlCorpusTests
{
    /// <summary>
    /// Valid corpus documents whose values the typed model rightly refuses, with the reason (reviewed by hand).
    /// Key: corpus path; value: the element path the exception must name.
    /// </summary>
    private static readonly Dictionary<string, string> GenuinelyMalformed = new(StringComparer.Ordinal);

    private static IEnumerable<CorpusEntry> ValidDomains => LibvirtNested.Testing.Corpus.OfKind("domain", validOnly: true);

    [Test]
    public void Every_typed_property_reads_on_every_valid_corpus_domain()
    {
        var entries = ValidDomains.ToList();
        var failures = new List<string>();
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var domain = DomainXml.Load(entry.FullPath);
            try
            {
                ReadEverything(domain, counts);
            }
            catch (LibvirtXmlValueException e)
            {
                refused[entry.Path] = e.ElementPath ?? string.Empty;
                if (GenuinelyMalformed.GetValueOrDefault(entry.Path) != e.ElementPath)
                {
                    failures.Add($"{entry.Path}: {e.Message}");
                }
            }
        }

        TestContext.Out.WriteLine($"{entries.Count} valid domains read; {refused.Count} refused; present: {string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))}");
        Assert.That(entries, Has.Count.GreaterThan(1900));
        Assert.That(failures, Is.Empty);
        Assert.That(refused.Keys, Is.EquivalentTo(GenuinelyMalformed.Keys), "every listed exception must still occur");
    }

    [Test]
    public void Host_passthrough_on_every_valid_corpus_domain_passes_the_schema_and_keeps_everything_else()
    {
        var entries = ValidDomains.ToList();
        var edited = new List<(string Name, string Xml)>();
        var lost = new List<string>();
        int withoutCpu = 0, alreadyPassthrough = 0, changed = 0;
        var untouchedExpected = 0;
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var original = DomainXml.Load(entry.FullPath);
            var mode = original.Cpu?.Mode;
            withoutCpu += original.Cpu is null ? 1 : 0;
            alreadyPassthrough += mode == DomainCpuMode.HostPassthrough ? 1 : 0;
            var result = original.Clone().UseHostPassthrough();
            var xml = result.ToXmlString();
            changed += xml == original.ToXmlString() ? 0 : 1;
            edited.Add((entry.Path, xml));
            originals[entry.Path] = original.ToXmlString();

            var nothingToRemove = original.Cpu is { } cpu && cpu.Match is null && cpu.Element.Element("model") is null && cpu.Vendor is null;
            if (mode == DomainCpuMode.HostPassthrough && nothingToRemove)
            {
                untouchedExpected++;
                if (xml != original.ToXmlString())
                {
                    lost.Add($"{entry.Path}: already host-passthrough, yet the edit changed it");
                }
            }

            // Rules of libvirt's parser (cpu_conf.c) that the schema does not express: a vendor needs a model,
            // and match, model and vendor are ignored or refused with host-passthrough.
            var edit = result.Cpu!;
            if (edit.Mode != DomainCpuMode.HostPassthrough || edit.Match is not null || edit.Element.Element("model") is not null || edit.Element.Element("vendor") is not null)
            {
                lost.Add($"{entry.Path}: the result's <cpu> is not clean host-passthrough: {edit}");
            }

            var difference = UnexpectedDifference(original.Element, result.Element);
            if (difference is not null)
            {
                lost.Add($"{entry.Path}: {difference}");
            }

            if (DomainXml.Parse(xml).UseHostPassthrough().ToXmlString() != xml)
            {
                lost.Add($"{entry.Path}: a second application changed the document");
            }
        }

        var invalid = RelaxNg.Validate("domain", edited);

        // The manifest says every original passes the schema; a failure the original shares is not the edit's.
        var invalidOriginals = invalid.Count == 0 ? new Dictionary<string, string>() : RelaxNg.Validate("domain", invalid.Keys.Select(k => (k, originals[k])));
        var causedByEdit = invalid.Where(i => !invalidOriginals.ContainsKey(i.Key)).ToList();
        TestContext.Out.WriteLine(
            $"{entries.Count} valid domains edited ({withoutCpu} without <cpu>, {alreadyPassthrough} already host-passthrough of which " +
            $"{untouchedExpected} had nothing to remove, {changed} changed); {entries.Count - invalid.Count} pass domain.rng, " +
            $"{invalid.Count} fail ({invalidOriginals.Count} of them failing before the edit too)");
        Assert.That(causedByEdit, Is.Empty, string.Join("\n", causedByEdit.Select(i => i.Value)));
        Assert.That(lost, Is.Empty);
        Assert.That(changed, Is.EqualTo(entries.Count - untouchedExpected), "every other document gains or changes its <cpu>");
    }

    /// <summary>
    /// Compares two trees as multisets of element paths, attribute paths with values and texts. The edit may only
    /// remove <c>cpu/model</c> (with its subtree), <c>cpu/vendor</c>, <c>cpu/@match</c> and the old <c>cpu/@mode</c>,
    /// and only add <c>cpu</c> and <c>cpu/@mode='host-passthrough'</c>.
    /// </summary>
    private static string? UnexpectedDifference(XElement original, XElement result)
    {
        static bool MayGo(string item) =>
            item.StartsWith("/domain/cpu/model", StringComparison.Ordinal)
            || item.StartsWith("/domain/cpu/vendor", StringComparison.Ordinal)
            || item.StartsWith("/domain/cpu/@match=", StringComparison.Ordinal)
            || item.StartsWith("/domain/cpu/@mode=", StringComparison.Ordinal);

        static bool MayCome(string item) => item is "/domain/cpu" or "/domain/cpu/@mode=host-passthrough";

        var before = Items(original);
        var after = Items(result);
        foreach (var item in after)
        {
            if (!before.Remove(item) && !MayCome(item))
            {
                return "added " + item;
            }
        }

        var missing = before.Where(i => !MayGo(i)).ToList();
        return missing.Count == 0 ? null : "lost " + string.Join(", ", missing.Take(5));
    }

    private static List<string> Items(XElement root)
    {
        var items = new List<string>();
        foreach (var element in root.DescendantsAndSelf())
        {
            var path = "/" + string.Join("/", element.AncestorsAndSelf().Reverse().Select(e => e.Name.ToString()));
            items.Add(path);
            items.AddRange(element.Attributes().Select(a => $"{path}/@{a.Name}={a.Value}"));
            items.AddRange(element.Nodes().OfType<XText>().Where(t => !string.IsNullOrWhiteSpace(t.Value)).Select(t => $"{path}/text()={t.Value}"));
            items.AddRange(element.Nodes().OfType<XComment>().Select(c => $"{path}/comment()={c.Value}"));
        }

        return items;
    }

    private static void ReadEverything(DomainXml domain, Dictionary<string, int> counts)
    {
        void Count(string name, object? value)
        {
            if (value is not null)
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        Count("type", domain.Type);
        Count("name", domain.Name);
        Count("uuid", domain.Uuid);
        Count("title", domain.Title);
        Count("description", domain.Description);
        Count("metadata", domain.Metadata);
        Count("memory", domain.MemoryBytes);
        Count("currentMemory", domain.CurrentMemoryBytes);
        Count("maxMemory", domain.MaxMemoryBytes);
        Count("maxMemory/@slots", domain.MaxMemorySlots);
        Count("on_poweroff", domain.OnPoweroff);
        Count("on_reboot", domain.OnReboot);
        Count("on_crash", domain.OnCrash);
        if (domain.Vcpu is { } vcpu)
        {
            Count("vcpu", vcpu.Count);
            Count("vcpu/@placement", vcpu.Placement?.Value);
            Count("vcpu/@current", vcpu.Current);
            Count("vcpu/@cpuset", vcpu.CpuSet);
        }

        if (domain.Os is { } os)
        {
            Count("os/type", os.Type);
            Count("os/type/@arch", os.Arch);
            Count("os/type/@machine", os.Machine);
            Count("os/@firmware", os.Firmware?.Value);
            Count("os/boot", os.BootDevices.Count == 0 ? null : os.BootDevices);
            Count("os/loader", os.Loader);
            Count("os/loader/@readonly", os.LoaderReadOnly);
            Count("os/loader/@type", os.LoaderType);
            Count("os/kernel", os.Kernel);
            Count("os/initrd", os.Initrd);
            Count("os/cmdline", os.Cmdline);
        }

        if (domain.Features is { } features)
        {
            Count("features", features.Names.Count == 0 ? null : features.Names);
            Count("features/kvm/hidden", features.KvmHidden);
            Count("features/acpi", features.Contains(DomainFeatures.Acpi) ? features.Get(DomainFeatures.Acpi) : null);
        }

        if (domain.Cpu is { } cpu)
        {
            Count("cpu/@mode", cpu.Mode);
            Count("cpu/@match", cpu.Match);
            Count("cpu/@check", cpu.Check);
            Count("cpu/@migratable", cpu.Migratable);
            Count("cpu/model", cpu.Model);
            Count("cpu/model/@fallback", cpu.ModelFallback);
            Count("cpu/model/@vendor_id", cpu.ModelVendorId);
            Count("cpu/vendor", cpu.Vendor);
            if (cpu.Topology is { } topology)
            {
                Count("cpu/topology", (topology.Sockets, topology.Dies, topology.Cores, topology.Threads));
            }

            foreach (var feature in cpu.Features)
            {
                Count("cpu/feature", (feature.Name, feature.Policy));
            }

            foreach (var cell in cpu.NumaCells)
            {
                Count("cpu/numa/cell", (cell.Id, cell.Cpus, cell.MemoryBytes, cell.MemAccess, cell.Discard));
            }
        }

        if (domain.Clock is { } clock)
        {
            Count("clock/@offset", clock.Offset);
            foreach (var timer in clock.Timers)
            {
                Count("clock/timer", (timer.Name, timer.TickPolicy, timer.Present));
            }
        }
    }
}
