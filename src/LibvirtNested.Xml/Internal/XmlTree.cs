using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Edits that keep a hand-written document looking hand-written: a new element is indented like its siblings
/// (and its own children one step further), a removed element takes its indentation with it, and nothing else
/// in the tree is touched. A document written on one line stays on one line.
/// </summary>
internal static class XmlTree
{
    private const string DefaultUnit = "  ";

    /// <summary>Appends <paramref name="child"/> after the last element child of <paramref name="parent"/>.</summary>
    public static XElement Append(XElement parent, XElement child)
    {
        var last = parent.Elements().LastOrDefault();
        return last is null ? AddFirst(parent, child) : InsertAfter(last, child);
    }

    /// <summary>Inserts <paramref name="child"/> right after <paramref name="sibling"/>, on its own line.</summary>
    public static XElement InsertAfter(XElement sibling, XElement child)
    {
        var parent = sibling.Parent ?? throw new InvalidOperationException("The sibling has no parent.");
        var indent = IndentOf(sibling);
        Format(child, indent, UnitOf(parent));
        if (indent is null)
        {
            sibling.AddAfterSelf(child);
        }
        else
        {
            sibling.AddAfterSelf(new XText("\n" + indent), child);
        }

        return child;
    }

    /// <summary>Inserts <paramref name="child"/> right before <paramref name="sibling"/>, on its own line.</summary>
    public static XElement InsertBefore(XElement sibling, XElement child)
    {
        var parent = sibling.Parent ?? throw new InvalidOperationException("The sibling has no parent.");
        var indent = IndentOf(sibling);
        Format(child, indent, UnitOf(parent));
        if (indent is null)
        {
            sibling.AddBeforeSelf(child);
        }
        else
        {
            // The whitespace before the sibling now precedes the child; the sibling gets a fresh copy.
            sibling.AddBeforeSelf(child, new XText("\n" + indent));
        }

        return child;
    }

    /// <summary>Makes <paramref name="child"/> the first element child of <paramref name="parent"/>.</summary>
    public static XElement AddFirst(XElement parent, XElement child)
    {
        var first = parent.Elements().FirstOrDefault();
        if (first is not null)
        {
            return InsertBefore(first, child);
        }

        var unit = UnitOf(parent);
        var parentIndent = IndentOf(parent);
        var hasText = parent.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value));
        if (parentIndent is null || hasText)
        {
            Format(child, parentIndent is null ? null : parentIndent + unit, unit);
            parent.Add(child);
            return child;
        }

        var childIndent = parentIndent + unit;
        Format(child, childIndent, unit);
        parent.RemoveNodes();
        parent.Add(new XText("\n" + childIndent), child, new XText("\n" + parentIndent));
        return child;
    }

    /// <summary>Removes <paramref name="element"/> and the indentation in front of it.</summary>
    public static void Remove(XElement element)
    {
        var parent = element.Parent;
        if (element.PreviousNode is XText previous && previous is not XCData && string.IsNullOrWhiteSpace(previous.Value))
        {
            previous.Remove();
        }

        element.Remove();
        if (parent is not null && !parent.HasElements && parent.Nodes().All(n => n is XText t && t is not XCData && string.IsNullOrWhiteSpace(t.Value)))
        {
            parent.RemoveNodes();
        }
    }

    /// <summary>
    /// The indentation of <paramref name="element"/>: the text after the last line break of the whitespace in
    /// front of it; "" for the root; <see langword="null"/> when the document is not indented at that point.
    /// </summary>
    public static string? IndentOf(XElement element)
    {
        if (element.Parent is null)
        {
            return string.Empty;
        }

        if (element.PreviousNode is XText text && text is not XCData && string.IsNullOrWhiteSpace(text.Value))
        {
            var newline = text.Value.LastIndexOf('\n');
            return newline < 0 ? null : text.Value[(newline + 1)..];
        }

        return null;
    }

    /// <summary>The indentation step used below <paramref name="parent"/>: what its children add to its own indentation.</summary>
    public static string UnitOf(XElement parent)
    {
        for (var e = parent; e is not null; e = e.Parent)
        {
            var own = IndentOf(e);
            var child = e.Elements().Select(IndentOf).FirstOrDefault(i => i is not null);
            if (own is not null && child is not null && child.Length > own.Length && child.StartsWith(own, StringComparison.Ordinal))
            {
                return child[own.Length..];
            }
        }

        var root = parent.Document?.Root;
        if (root is not null)
        {
            var firstChild = root.Elements().Select(IndentOf).FirstOrDefault(i => !string.IsNullOrEmpty(i));
            if (firstChild is not null)
            {
                return firstChild;
            }
        }

        return DefaultUnit;
    }

    /// <summary>
    /// Indents the children of a new, whitespace-free element so that it reads well at <paramref name="indent"/>.
    /// Elements that already contain whitespace or text are left as they are.
    /// </summary>
    public static void Format(XElement element, string? indent, string unit)
    {
        if (indent is null)
        {
            return;
        }

        // Iterative, so a deep new subtree built in code cannot exhaust the stack.
        var pending = new Stack<(XElement Element, string Indent)>();
        pending.Push((element, indent));
        while (pending.Count > 0)
        {
            var (current, currentIndent) = pending.Pop();
            if (!current.HasElements || current.Nodes().Any(n => n is XText))
            {
                continue;
            }

            var childIndent = currentIndent + unit;
            foreach (var child in current.Elements().ToList())
            {
                child.AddBeforeSelf(new XText("\n" + childIndent));
                pending.Push((child, childIndent));
            }

            current.Add(new XText("\n" + currentIndent));
        }
    }

    /// <summary>A readable path to <paramref name="element"/> for error messages, such as <c>/domain/devices/disk[2]/target</c>.</summary>
    public static string PathOf(XElement element)
    {
        var steps = new Stack<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            var step = e.Name.LocalName;
            if (e.Parent is not null)
            {
                var sameName = e.Parent.Elements(e.Name).ToList();
                if (sameName.Count > 1)
                {
                    step += "[" + (sameName.IndexOf(e) + 1).ToString(CultureInfo.InvariantCulture) + "]";
                }
            }

            steps.Push(step);
        }

        var builder = new StringBuilder();
        foreach (var step in steps)
        {
            builder.Append('/').Append(step);
        }

        return builder.ToString();
    }
}
