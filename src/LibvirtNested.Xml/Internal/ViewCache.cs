using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Reuses the typed views a getter returned before, so that reading a property does not allocate a new view each
/// time. A cached view is only ever a shortcut for the one the tree asks for now: the tree is looked up on every
/// read exactly as without the cache, and a cached view is returned only when it stands over that very
/// <see cref="XElement"/>. An element replaced, removed or renamed through LINQ to XML therefore never comes back
/// from a cache. Views hold nothing but their element, so sharing one between readers changes nothing they can see;
/// racing readers at worst each create a view and one of them is kept.
/// </summary>
internal static class ViewCache
{
    /// <summary>The view over <paramref name="child"/>: the cached one when it stands over it, else a new one, cached.</summary>
    /// <returns><see langword="null"/> when <paramref name="child"/> is <see langword="null"/>.</returns>
    public static T? Child<T>(ref T? slot, XElement? child, Func<XElement, T> create)
        where T : XmlView
    {
        if (child is null)
        {
            return null;
        }

        var cached = slot;
        if (cached is not null && cached.Element == child)
        {
            return cached;
        }

        var view = create(child);
        slot = view;
        return view;
    }

    /// <summary>
    /// Views over the child elements of <paramref name="parent"/> named <paramref name="name"/> (every child element
    /// when it is <see langword="null"/>), in document order. The cached list is returned when it still stands over
    /// exactly those elements; otherwise a new list is made, reusing the views that are still in place.
    /// </summary>
    /// <param name="slot">The cache of the getter.</param>
    /// <param name="parent">The parent element, or <see langword="null"/> for an empty list.</param>
    /// <param name="name">The children's name, or <see langword="null"/> for all child elements.</param>
    /// <param name="create">Makes a view over a child.</param>
    /// <param name="fits">
    /// Whether a cached view may stand for a child it is over, for view types chosen by the element's name
    /// (<see langword="null"/>: always).
    /// </param>
    /// <returns>The list.</returns>
    public static ViewList<T> Children<T>(ref ViewList<T>? slot, XElement? parent, XName? name, Func<XElement, T> create, Func<T, XElement, bool>? fits = null)
        where T : XmlView
    {
        var cached = slot ?? ViewList<T>.Empty;

        // The common case, an unchanged tree, only compares references and allocates nothing.
        var count = 0;
        var unchanged = true;
        for (var node = parent?.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement element && (name is null || element.Name == name))
            {
                unchanged = unchanged && count < cached.Count && Fits(cached.SlotAt(count), element, fits);
                count++;
            }
        }

        if (unchanged && count == cached.Count)
        {
            return cached;
        }

        if (count == 0)
        {
            slot = ViewList<T>.Empty;
            return ViewList<T>.Empty;
        }

        // Views still in place are kept; the others are made when first read (see ViewList).
        var items = new object[count];
        var index = 0;
        for (var node = parent?.FirstNode; node is not null && index < count; node = node.NextNode)
        {
            if (node is XElement element && (name is null || element.Name == name))
            {
                items[index] = index < cached.Count && Fits(cached.SlotAt(index), element, fits) ? cached.SlotAt(index) : element;
                index++;
            }
        }

        var list = new ViewList<T>(items, create);
        slot = list;
        return list;
    }

    /// <summary>Whether a slot of a cached list (a view, or an element not viewed yet) may stand for <paramref name="element"/>.</summary>
    private static bool Fits<T>(object slot, XElement element, Func<T, XElement, bool>? fits)
        where T : XmlView => slot is T view
            ? view.Element == element && (fits is null || fits(view, element))
            : ReferenceEquals(slot, element);
}
