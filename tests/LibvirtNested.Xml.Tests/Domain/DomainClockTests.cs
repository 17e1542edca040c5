using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

[TestFixture]
public sealed class DomainClockTests
{
    private const string Sample = "<domain>\n  <clock offset='utc'>\n    <timer name='rtc' tickpolicy='catchup'/>\n    <timer name='hpet' present='no'/>\n  </clock>\n</domain>";

    [Test]
    public void Reads_offset_and_timers()
    {
        var clock = DomainXml.Parse(Sample).Clock!;
        Assert.Multiple(() =>
        {
            Assert.That(clock.Offset, Is.EqualTo(DomainClockOffset.Utc));
            Assert.That(clock.Timers.Select(t => t.Name), Is.EqualTo(new[] { "rtc", "hpet" }));
            Assert.That(clock.Timers[0].TickPolicy, Is.EqualTo(DomainClockTimerTickPolicy.Catchup));
            Assert.That(clock.Timers[0].Present, Is.Null);
            Assert.That(clock.Timers[1].Present, Is.False);
        });
    }

    [Test]
    public void Get_or_add_timer_updates_or_appends()
    {
        var domain = DomainXml.Parse(Sample);
        var clock = domain.Clock!;
        clock.GetOrAddTimer("hpet").Present = true;
        clock.GetOrAddTimer("pit").TickPolicy = DomainClockTimerTickPolicy.Delay;
        clock.Offset = DomainClockOffset.Localtime;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <clock offset='localtime'>\n    <timer name='rtc' tickpolicy='catchup'/>\n    <timer name='hpet' present='yes'/>\n    <timer name='pit' tickpolicy='delay'/>\n  </clock>\n</domain>"));
    }

    [Test]
    public void Remove_timer_and_null_offset()
    {
        var domain = DomainXml.Parse(Sample);
        var clock = domain.Clock!;
        Assert.Multiple(() =>
        {
            Assert.That(clock.RemoveTimer("rtc"), Is.True);
            Assert.That(clock.RemoveTimer("rtc"), Is.False);
        });
        clock.Timers[0].Present = null;
        clock.Offset = null;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain>\n  <clock>\n    <timer name='hpet'/>\n  </clock>\n</domain>"));
    }

    [Test]
    public void Unknown_values_round_trip_and_malformed_present_throws()
    {
        var domain = DomainXml.Parse("<domain><clock offset='martian'><timer name='x' tickpolicy='warp' present='perhaps'/></clock></domain>");
        var clock = domain.Clock!;
        Assert.Multiple(() =>
        {
            Assert.That(clock.Offset?.Value, Is.EqualTo("martian"));
            Assert.That(clock.Timers[0].TickPolicy?.ToString(), Is.EqualTo("warp"));
            var error = Assert.Throws<LibvirtXmlValueException>(() => _ = clock.Timers[0].Present)!;
            Assert.That(error.ElementPath, Is.EqualTo("/domain/clock/timer"));
            Assert.That(error.AttributeName, Is.EqualTo("present"));
        });
    }
}
