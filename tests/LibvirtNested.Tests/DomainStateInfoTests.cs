using NUnit.Framework;

namespace LibvirtNested.Tests;

public class DomainStateInfoTests
{
    [TestCase(DomainState.Running, 1, "booted")]
    [TestCase(DomainState.Running, 11, "postcopy-failed")]
    [TestCase(DomainState.Paused, 1, "user")]
    [TestCase(DomainState.Paused, 13, "postcopy-failed")]
    [TestCase(DomainState.ShutOff, 2, "destroyed")]
    [TestCase(DomainState.ShutOff, 8, "daemon")]
    [TestCase(DomainState.ShuttingDown, 1, "user")]
    [TestCase(DomainState.Crashed, 1, "panicked")]
    [TestCase(DomainState.PMSuspended, 0, "unknown")]
    [TestCase(DomainState.Blocked, 0, "unknown")]
    public void Reason_names_follow_libvirt_enums(DomainState state, int code, string name)
    {
        Assert.That(new DomainStateInfo(state, code).Reason, Is.EqualTo(name));
    }

    [Test]
    public void A_reason_newer_than_libvirt_9_has_no_name_but_keeps_its_code()
    {
        var info = new DomainStateInfo(DomainState.ShutOff, 99);

        Assert.That(info.Reason, Is.Null);
        Assert.That(info.ToString(), Is.EqualTo("ShutOff (99)"));
    }
}
