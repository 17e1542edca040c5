using System.Collections;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// The read-only list a typed list property returns (<c>Disks</c>, <c>Ips</c>, …). It is shared by repeated reads
/// while the tree is unchanged, so it must not be a <see cref="List{T}"/> a caller could cast and modify.
/// </summary>
/// <typeparam name="T">The view type.</typeparam>
internal sealed class ViewList<T> : IReadOnlyList<T>
    where T : XmlView
{
    public static readonly ViewList<T> Empty = new([]);

    public ViewList(T[] items) => Items = items;

    public T[] Items { get; }

    public int Count => Items.Length;

    public T this[int index] => Items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();
}
