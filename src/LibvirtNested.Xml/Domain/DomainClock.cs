using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/clock</c>: the guest clock's offset and timers, such as
/// <c>&lt;clock offset='utc'&gt;&lt;timer name='rtc' tickpolicy='catchup'/&gt;&lt;/clock&gt;</c>
/// (formatdomain.html, "Time keeping").
/// </summary>
public sealed class DomainClock : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private ViewList<DomainClockTimer>? cachedTimers;

    internal DomainClock(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@offset</c>: how the guest clock relates to the host clock.</summary>
    public DomainClockOffset? Offset
    {
        get => GetAttribute("offset") is { } value ? new DomainClockOffset(value) : null;
        set => SetAttribute("offset", value?.Value);
    }

    /// <summary>The <c>timer</c> children in document order (a snapshot list of live views).</summary>
    public IReadOnlyList<DomainClockTimer> Timers => ViewCache.Children(ref cachedTimers, Element, "timer", static e => new DomainClockTimer(e));

    /// <summary>The timer named <paramref name="name"/>, added as <c>&lt;timer name='…'/&gt;</c> after the others when absent.</summary>
    /// <param name="name">The timer's name, such as <c>hpet</c>.</param>
    /// <returns>The timer view.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public DomainClockTimer GetOrAddTimer(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var timer = FindTimers(name).FirstOrDefault() ?? AddChild(new XElement("timer", new XAttribute("name", name)));
        return new DomainClockTimer(timer);
    }

    /// <summary>Removes every timer named <paramref name="name"/>.</summary>
    /// <param name="name">The timer's name.</param>
    /// <returns>Whether one was removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool RemoveTimer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = FindTimers(name).ToList();
        foreach (var timer in found)
        {
            XmlTree.Remove(timer);
        }

        return found.Count > 0;
    }

    private IEnumerable<XElement> FindTimers(string name) =>
        Element.Elements("timer").Where(t => string.Equals(t.Attribute("name")?.Value, name, StringComparison.Ordinal));
}
