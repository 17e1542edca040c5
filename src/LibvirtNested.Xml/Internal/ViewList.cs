using System.Collections;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// The read-only list a typed list property returns (<c>Disks</c>, <c>Ips</c>, …). It is shared by repeated reads
/// while the tree is unchanged, so it must not be a <see cref="List{T}"/> a caller could cast and modify.
/// A view is made when its item is first read: a list read for its <see cref="Count"/> (or for its first item)
/// does not pay for a view of every element.
/// </summary>
/// <typeparam name="T">The view type.</typeparam>
internal sealed class ViewList<T> : IReadOnlyList<T>
    where T : XmlView
{
    public static readonly ViewList<T> Empty = new([], null);

    /// <summary>Each slot is the view of its item once made, else the item's <see cref="XElement"/>.</summary>
    private readonly object[] slots;

    private readonly Func<XElement, T>? create;

    /// <summary>Creates a list over <paramref name="slots"/>: views, or elements that <paramref name="create"/> makes views of when read.</summary>
    public ViewList(object[] slots, Func<XElement, T>? create)
    {
        this.slots = slots;
        this.create = create;
    }

    public int Count => slots.Length;

    public T this[int index]
    {
        get
        {
            var slot = slots[index];
            if (slot is T view)
            {
                return view;
            }

            // Racing readers at worst each make a view and one is kept: views hold nothing but their element.
            var made = create!((XElement)slot);
            slots[index] = made;
            return made;
        }
    }

    /// <summary>The slot at <paramref name="index"/> as it is (a view or an element), for <see cref="ViewCache"/>.</summary>
    internal object SlotAt(int index) => slots[index];

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < slots.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
