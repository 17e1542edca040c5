using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary>One <c>/domain/clock/timer</c>, such as <c>&lt;timer name='rtc' tickpolicy='catchup'/&gt;</c>.</summary>
public sealed class DomainClockTimer : XmlView
{
    internal DomainClockTimer(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@name</c>: the timer, such as <c>rtc</c>, <c>pit</c>, <c>hpet</c>, <c>kvmclock</c>, <c>hypervclock</c>, <c>tsc</c>.</summary>
    public string? Name
    {
        get => GetAttribute("name");
        set => SetAttribute("name", value);
    }

    /// <summary><c>@tickpolicy</c>: what happens to missed ticks.</summary>
    public DomainClockTimerTickPolicy? TickPolicy
    {
        get => GetAttribute("tickpolicy") is { } value ? new DomainClockTimerTickPolicy(value) : null;
        set => SetAttribute("tickpolicy", value?.Value);
    }

    /// <summary><c>@present</c>: whether the guest sees the timer (<c>yes</c>/<c>no</c>).</summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not yes/no.</exception>
    public bool? Present
    {
        get => GetBooleanAttribute("present");
        set => SetYesNoAttribute("present", value);
    }
}
