using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Resilience;

/// <summary>
/// What a broken connection does to its listeners and streams, on the in-process test driver. That driver never
/// breaks, so the tests act the break out by handing the registration the report libvirt's close callback would
/// (<see cref="ConnectionCloseCallback.ReportClosed"/>); that libvirt really calls it, with which reason and how soon,
/// is proven on the daemon (tests/LibvirtNested.IntegrationTests, ResilienceTests).
/// </summary>
public class ConnectionClosedTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Closed_is_raised_once_with_the_reason_and_the_connection_as_sender()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var raised = new List<(object? Sender, ConnectionClosedEvent Event)>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += (sender, closed) =>
        {
            lock (raised)
            {
                raised.Add((sender, closed));
            }

            done.TrySetResult();
        };

        connection.Handle.CloseCallback!.ReportClosed(LibvirtConnectionCloseReason.KeepAlive);
        connection.Handle.CloseCallback!.ReportClosed(LibvirtConnectionCloseReason.EndOfFile);
        await done.Task.WaitAsync(Timeout);

        lock (raised)
        {
            Assert.That(raised, Has.Count.EqualTo(1));
            Assert.That(raised[0].Sender, Is.SameAs(connection));
            Assert.That(raised[0].Event.Reason, Is.EqualTo(LibvirtConnectionCloseReason.KeepAlive));
        }
    }

    [Test]
    public async Task A_throwing_handler_does_not_keep_the_others_nor_a_late_handler_from_running()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var second = new TaskCompletionSource<ConnectionClosedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var late = new TaskCompletionSource<ConnectionClosedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += (_, _) => throw new InvalidOperationException("a subscriber's bug");
        connection.Closed += (_, closed) => second.TrySetResult(closed);

        connection.Handle.CloseCallback!.ReportClosed(LibvirtConnectionCloseReason.Error);
        var first = await second.Task.WaitAsync(Timeout);
        connection.Closed += (_, closed) => late.TrySetResult(closed);

        Assert.That((await late.Task.WaitAsync(Timeout)).Reason, Is.EqualTo(LibvirtConnectionCloseReason.Error));
        Assert.That(await late.Task, Is.SameAs(first));
    }

    [Test]
    public async Task A_lifecycle_stream_yields_what_it_held_then_the_close_then_ends()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var name = TestDriver.UniqueName("closed-stream");
        var watch = (LibvirtEventWatch)connection.WatchDomainLifecycleAsync(name, timeout.Token);
        await using var events = watch.GetAsyncEnumerator();
        using (var domain = connection.DefineDomain(TestDriver.DomainXmlText(name)))
        {
            domain.Undefine();
        }

        // Both events sit in the buffer, unread, when the break is reported.
        await WaitUntil(() => watch.Subscription.Delivered >= 2, timeout.Token);
        connection.Handle.CloseCallback!.ReportClosed(LibvirtConnectionCloseReason.EndOfFile);

        var received = new List<LibvirtEvent>();
        while (await events.MoveNextAsync())
        {
            received.Add(events.Current);
        }

        Assert.That(received.Select(e => e.GetType().Name), Is.EqualTo(new[] { nameof(DomainLifecycleEvent), nameof(DomainLifecycleEvent), nameof(ConnectionClosedEvent) }));
        Assert.That(((ConnectionClosedEvent)received[2]).Reason, Is.EqualTo(LibvirtConnectionCloseReason.EndOfFile));
    }

    [Test]
    public async Task A_subscription_added_to_a_connection_that_broke_ends_at_once_with_the_close()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        await using var before = connection.WatchDomainLifecycleAsync(cancellationToken: timeout.Token).GetAsyncEnumerator();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += (_, _) => closed.TrySetResult();
        connection.Handle.CloseCallback!.ReportClosed(LibvirtConnectionCloseReason.EndOfFile);
        await closed.Task.WaitAsync(timeout.Token);

        await using var after = connection.WatchDomainLifecycleAsync(cancellationToken: timeout.Token).GetAsyncEnumerator();

        Assert.That(await after.MoveNextAsync(), Is.True);
        Assert.That(after.Current, Is.InstanceOf<ConnectionClosedEvent>());
        Assert.That(await after.MoveNextAsync(), Is.False);
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
