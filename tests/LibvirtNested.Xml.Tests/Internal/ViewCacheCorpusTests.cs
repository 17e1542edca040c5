using System.Collections;
using System.Reflection;
using System.Xml.Linq;
using LibvirtNested.Testing;
using LibvirtNested.Xml.Capabilities;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.DomainCapabilities;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Internal;

/// <summary>
/// Every getter that returns a view or a list of views, on every valid corpus document of every kind, found by
/// reflection (so getters added later are covered): after the elements it returned are replaced by copies, preceded
/// by copies, or removed, through LINQ to XML, the next read must stand over what the tree holds now, and never over a
/// removed element.
/// </summary>
[TestFixture]
public sealed class ViewCacheCorpusTests
{
    private static readonly HashSet<string> Skipped = ["Element", "Document"];

    private static readonly string[] Kinds = ["domain", "network", "capabilities", "domaincaps"];

    [Test]
    public void Every_view_getter_follows_replacements_and_removals_on_every_corpus_document()
    {
        var failures = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = 0;
        foreach (var entry in Kinds.SelectMany(kind => LibvirtNested.Testing.Corpus.OfKind(kind, validOnly: true)))
        {
            XmlView root = entry.Kind switch
            {
                "domain" => DomainXml.Load(entry.FullPath),
                "network" => NetworkXml.Load(entry.FullPath),
                "capabilities" => CapabilitiesXml.Load(entry.FullPath),
                _ => DomainCapabilitiesXml.Load(entry.FullPath),
            };
            Check(root, entry.Path, failures, counts);
            documents++;
        }

        TestContext.Out.WriteLine($"{documents} documents; getters checked: {string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))}");
        Assert.That(failures.Take(20), Is.Empty);
        Assert.That(documents, Is.GreaterThan(2000));
        Assert.That(counts.Keys, Has.Count.GreaterThan(30), "getters returning views found by reflection");
    }

    private static void Check(object owner, string path, List<string> failures, Dictionary<string, int> counts)
    {
        foreach (var property in owner.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || Skipped.Contains(property.Name) || !ReturnsViews(property.PropertyType))
            {
                continue;
            }

            var name = $"{property.DeclaringType!.Name}.{property.Name}";
            var where = $"{path}: {name}";
            var first = property.GetValue(owner);
            var originals = ElementsOf(first);
            if (originals.Count == 0)
            {
                continue;
            }

            counts[name] = counts.GetValueOrDefault(name) + 1;
            Expect(ElementsOf(property.GetValue(owner)), originals, where + " read again");

            var copies = originals.Select(e => new XElement(e)).ToList();
            for (var i = 0; i < originals.Count; i++)
            {
                originals[i].ReplaceWith(copies[i]);
            }

            Expect(ElementsOf(property.GetValue(owner)), copies, where + " after replacing its elements");
            for (var i = 0; i < originals.Count; i++)
            {
                copies[i].ReplaceWith(originals[i]);
            }

            Expect(ElementsOf(property.GetValue(owner)), originals, where + " after putting them back");

            // A copy in front of each: a getter of the first such child must now return the copy.
            copies = originals.Select(e => new XElement(e)).ToList();
            for (var i = 0; i < originals.Count; i++)
            {
                originals[i].AddBeforeSelf(copies[i]);
            }

            Expect(ElementsOf(property.GetValue(owner)), first is XmlView ? [copies[0]] : copies.Zip(originals, (c, o) => new[] { c, o }).SelectMany(p => p).ToList(), where + " after inserting copies before its elements");
            copies.ForEach(c => c.Remove());
            Expect(ElementsOf(property.GetValue(owner)), originals, where + " after removing the copies");

            var placeholders = originals.Select(_ => new XComment("removed")).ToList();
            for (var i = 0; i < originals.Count; i++)
            {
                originals[i].ReplaceWith(placeholders[i]);
            }

            if (ElementsOf(property.GetValue(owner)).Intersect(originals).Any())
            {
                failures.Add(where + " returned a view over a removed element");
            }

            for (var i = 0; i < originals.Count; i++)
            {
                placeholders[i].ReplaceWith(originals[i]);
            }

            Expect(ElementsOf(property.GetValue(owner)), originals, where + " after adding them again");

            if (first is XmlView view)
            {
                Check(view, $"{path}/{view.Element.Name.LocalName}", failures, counts);
                continue;
            }

            var index = 0;
            foreach (var item in ((IEnumerable)first!).Cast<XmlView>())
            {
                Check(item, $"{path}/{item.Element.Name.LocalName}[{index++}]", failures, counts);
            }

            // A public list type with getters of its own, such as DomainDeviceList.Disks (not the snapshot lists).
            if (first!.GetType().IsPublic)
            {
                Check(first, path, failures, counts);
            }
        }

        void Expect(List<XElement> actual, List<XElement> expected, string what)
        {
            if (!actual.SequenceEqual(expected))
            {
                failures.Add($"{what}: views over other elements ({actual.Count}) than the tree holds ({expected.Count})");
            }
        }
    }

    private static bool ReturnsViews(Type type) =>
        typeof(XmlView).IsAssignableFrom(type)
        || type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>) && typeof(XmlView).IsAssignableFrom(i.GetGenericArguments()[0]));

    private static List<XElement> ElementsOf(object? value) => value switch
    {
        null => [],
        XmlView view => [view.Element],
        _ => ((IEnumerable)value).Cast<XmlView>().Select(v => v.Element).ToList(),
    };
}
