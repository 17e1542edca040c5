using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Tests.Waits;

/// <summary>
/// <see cref="LibvirtDomain.WaitForGuestAgentAsync"/>. The test driver keeps no agent channel state and emits no agent
/// events, so "connected" arrives through libvirt's native callback entry point, and the initial check is tested on
/// the live XML form the qemu driver writes (<c>state='connected'</c>).
/// </summary>
public class WaitForGuestAgentTests : TestDriverFixture
{
    private const string AgentChannel = """
        <channel type='unix'>
          <source mode='bind'/>
          <target type='virtio' name='org.qemu.guest_agent.0'/>
        </channel>
        """;

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Completes_when_the_agent_connects_not_on_a_disconnect()
    {
        var before = WaitAssert.Snapshot();
        using var domain = DefineWithAgent("ga-connect");
        domain.Start();
        using (var inject = new InjectedDomainEvents(Connection, domain))
        {
            var waiting = domain.WaitForGuestAgentAsync(Generous);
            inject.AgentLifecycle(DomainAgentState.Disconnected);
            await Task.Yield();
            Assert.That(waiting.IsCompleted, Is.False, "a disconnect does not complete it");

            inject.AgentLifecycle(DomainAgentState.Connected);
            await waiting;
        }

        Undefine(domain);
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task An_agent_that_never_connects_times_out()
    {
        var before = WaitAssert.Snapshot();
        using var domain = DefineWithAgent("ga-timeout");
        domain.Start();

        await Assert.ThatAsync(() => domain.WaitForGuestAgentAsync(TimeSpan.FromMilliseconds(200)), Throws.TypeOf<TimeoutException>().With.Message.Contain(domain.Name));

        Undefine(domain);
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task Cancelling_ends_the_wait_with_OperationCanceledException()
    {
        var before = WaitAssert.Snapshot();
        using var domain = DefineWithAgent("ga-cancel");
        using var cancel = new CancellationTokenSource();

        var waiting = domain.WaitForGuestAgentAsync(Timeout.InfiniteTimeSpan, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThatAsync(() => waiting, Throws.InstanceOf<OperationCanceledException>());
        Undefine(domain);
        WaitAssert.NothingLeaked(before);
    }

    [Test]
    public async Task A_domain_without_an_agent_channel_is_refused_at_once()
    {
        var before = WaitAssert.Snapshot();
        using var defined = TestDriver.Define(Connection, "ga-none");

        await Assert.ThatAsync(() => defined.Domain.WaitForGuestAgentAsync(Generous), Throws.InvalidOperationException.With.Message.Contain("org.qemu.guest_agent.0"));

        WaitAssert.NothingLeaked(before);
    }

    [TestCase("<target type='virtio' name='org.qemu.guest_agent.0' state='connected'/>", true)]
    [TestCase("<target type='virtio' name='org.qemu.guest_agent.0' state='disconnected'/>", false)]
    [TestCase("<target type='virtio' name='org.qemu.guest_agent.0'/>", false)]
    [TestCase("<target type='virtio' name='org.example.other' state='connected'/>", null)]
    public void The_initial_check_reads_the_agent_channel_state_of_the_live_xml(string target, bool? expected)
    {
        var xml = DomainXml.Parse(TestDriver.DomainXmlText("ga-xml").Replace(
            "</devices>", $"<channel type='unix'><source mode='bind'/>{target}</channel></devices>", StringComparison.Ordinal));

        Assert.That(LibvirtDomain.IsGuestAgentConnected(xml), Is.EqualTo(expected));
    }

    private LibvirtDomain DefineWithAgent(string prefix) =>
        Connection.DefineDomain(TestDriver.DomainXmlText(TestDriver.UniqueName(prefix)).Replace("</devices>", AgentChannel + "</devices>", StringComparison.Ordinal));

    private static void Undefine(LibvirtDomain domain)
    {
        if (domain.IsActive)
        {
            domain.Destroy();
        }

        domain.Undefine();
    }
}
