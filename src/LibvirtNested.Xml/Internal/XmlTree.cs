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

        return IndentAfter(element.PreviousNode);
    }

    /// <summary>The indentation step used below <paramref name="parent"/>: what its children add to its own indentation.</summary>
    public static string UnitOf(XElement parent)
    {
        for (var e = parent; e is not null; e = e.Parent)
        {
            var own = IndentOf(e);
            var child = FirstChildIndent(e, emptyCounts: true);
            if (own is not null && child is not null && child.Length > own.Length && child.StartsWith(own, StringComparison.Ordinal))
            {
                return child[own.Length..];
            }
        }

        var root = parent.Document?.Root;
        if (root is not null)
        {
            var firstChild = FirstChildIndent(root, emptyCounts: false);
            if (firstChild is not null)
            {
                return firstChild;
            }
        }

        return DefaultUnit;
    }

    /// <summary>
    /// The indentation of the first child element of <paramref name="parent"/> that has one (a non-empty one unless
    /// <paramref name="emptyCounts"/>), as <see cref="IndentOf"/> gives it; walks the children once, without
    /// <see cref="XNode.PreviousNode"/> (which walks from the first sibling on every call).
    /// </summary>
    private static string? FirstChildIndent(XElement parent, bool emptyCounts)
    {
        XNode? previous = null;
        for (var node = parent.FirstNode; node is not null; previous = node, node = node.NextNode)
        {
            if (node is XElement && IndentAfter(previous) is { } indent && (emptyCounts || indent.Length > 0))
            {
                return indent;
            }
        }

        return null;
    }

    /// <summary>The indentation an element has when <paramref name="previous"/> is the node in front of it.</summary>
    private static string? IndentAfter(XNode? previous)
    {
        if (previous is XText text && text is not XCData && string.IsNullOrWhiteSpace(text.Value))
        {
            var newline = text.Value.LastIndexOf('\n');
            return newline < 0 ? null : text.Value[(newline + 1)..];
        }

        return null;
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

        // Iterative, so a deep new subtree built in code cannot exhaust the stack; the stack is only made for
        // subtrees deeper than one level, and each level's line break is one string shared by its children.
        Stack<(XElement Element, string Indent)>? pending = null;
        var current = element;
        var currentIndent = indent;
        while (true)
        {
            if (current.HasElements && !HasText(current))
            {
                var childIndent = currentIndent + unit;
                var lineBreak = "\n" + childIndent;
                for (var node = current.FirstNode; node is not null;)
                {
                    var next = node.NextNode;
                    if (node is XElement child)
                    {
                        child.AddBeforeSelf(new XText(lineBreak));
                        if (child.HasElements)
                        {
                            (pending ??= new()).Push((child, childIndent));
                        }
                    }

                    node = next;
                }

                current.Add(new XText("\n" + currentIndent));
            }

            if (pending is null || pending.Count == 0)
            {
                return;
            }

            (current, currentIndent) = pending.Pop();
        }
    }

    private static bool HasText(XElement element)
    {
        for (var node = element.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XText)
            {
                return true;
            }
        }

        return false;
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
