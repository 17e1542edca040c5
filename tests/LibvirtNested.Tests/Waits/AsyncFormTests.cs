using NUnit.Framework;

namespace LibvirtNested.Tests.Waits;

/// <summary>
/// The async forms of blocking calls (<see cref="BlockingCall"/>): they do what the synchronous call does, send
/// nothing when cancelled before starting, and release a handle that arrives after the caller gave up.
/// </summary>
public class AsyncFormTests : TestDriverFixture
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_domain_goes_through_its_life_with_the_async_forms()
    {
        using var connection = await LibvirtConnection.OpenAsync(TestDriver.Uri);
        var name = TestDriver.UniqueName("async-life");

        using var domain = await connection.DefineDomainAsync(TestDriver.Domain(name), DomainDefineOptions.Validate, CancellationToken.None);
        using var found = await connection.GetDomainAsync(name);
        await domain.StartAsync();
        var running = await found.GetStateAsync();
        var live = await domain.GetLiveXmlAsync();
        await domain.RebootAsync();
        await domain.ShutdownAsync();
        var afterShutdown = await domain.GetStateAsync();
        await domain.StartAsync();
        await domain.DestroyAsync();
        var inactive = await domain.GetInactiveXmlAsync();
        await domain.UndefineAsync();

        Assert.That(found.Uuid, Is.EqualTo(domain.Uuid));
        Assert.That(running.State, Is.EqualTo(DomainState.Running));
        Assert.That(live.Name, Is.EqualTo(name));
        Assert.That(afterShutdown.ToString(), Is.EqualTo("ShutOff (shutdown)"));
        Assert.That(inactive.Name, Is.EqualTo(name));
        Assert.That(connection.TryGetDomain(name, out _), Is.False, "undefined");
    }

    [Test]
    public async Task A_failure_surfaces_typed_from_the_task()
    {
        using var defined = TestDriver.Define(Connection, "async-fail");
        await defined.Domain.StartAsync();

        await Assert.ThatAsync(() => defined.Domain.StartAsync(), Throws.TypeOf<LibvirtOperationInvalidException>());
        await Assert.ThatAsync(() => Connection.GetDomainAsync(TestDriver.UniqueName("async-none")), Throws.TypeOf<LibvirtNotFoundException>());
        await Assert.ThatAsync(() => LibvirtConnection.OpenAsync("nosuchdriver:///x"), Throws.TypeOf<LibvirtConnectionFailedException>());
    }

    [Test]
    public async Task Cancelled_before_the_call_starts_nothing_reaches_libvirt()
    {
        var name = TestDriver.UniqueName("async-precancel");
        using var defined = TestDriver.Define(Connection, "async-precancel-run");
        var cancelled = new CancellationToken(canceled: true);

        await Assert.ThatAsync(() => Connection.DefineDomainAsync(TestDriver.DomainXmlText(name), DomainDefineOptions.Validate, cancelled), Throws.InstanceOf<OperationCanceledException>());
        await Assert.ThatAsync(() => defined.Domain.StartAsync(cancelled), Throws.InstanceOf<OperationCanceledException>());

        Assert.That(Connection.TryGetDomain(name, out _), Is.False, "not defined");
        Assert.That(defined.Domain.IsActive, Is.False, "not started");
    }

    [Test]
    public async Task A_domain_object_that_arrives_after_the_caller_gave_up_is_disposed()
    {
        using var defined = TestDriver.Define(Connection, "async-giveup");
        using var started = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        LibvirtDomain? arrived = null;

        // The call blocks (like a slow daemon) until the gate opens, after the caller cancelled.
        var call = BlockingCall.RunOwnedAsync(
            () =>
            {
                started.Set();
                gate.Wait(Generous);
                return arrived = Connection.GetDomain(defined.Domain.Name);
            },
            cancel.Token);
        Assert.That(started.Wait(Generous), Is.True, "the call is running in libvirt's place");
        await cancel.CancelAsync();
        await Assert.ThatAsync(() => call, Throws.InstanceOf<OperationCanceledException>());
        gate.Set();

        Assert.That(() => arrived is { IsDisposed: true }, Is.True.After(30_000, 10), "virDomainFree ran for the abandoned result");
    }

    [Test]
    public async Task A_connection_that_opens_after_the_caller_gave_up_is_closed()
    {
        using var started = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        LibvirtConnection? arrived = null;

        var call = BlockingCall.RunOwnedAsync(
            () =>
            {
                started.Set();
                gate.Wait(Generous);
                return arrived = LibvirtConnection.Open(TestDriver.Uri);
            },
            cancel.Token);
        Assert.That(started.Wait(Generous), Is.True, "the call is running in libvirt's place");
        await cancel.CancelAsync();
        await Assert.ThatAsync(() => call, Throws.InstanceOf<OperationCanceledException>());
        gate.Set();

        Assert.That(() => arrived is { IsClosed: true }, Is.True.After(30_000, 10), "virConnectClose ran for the abandoned connection");
    }

    [Test]
    public async Task A_call_that_fails_after_the_caller_gave_up_leaves_no_unobserved_exception()
    {
        using var started = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        using var failed = new ManualResetEventSlim();
        var unobserved = 0;
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => Interlocked.Increment(ref unobserved);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            var call = BlockingCall.RunAsync(
                () =>
                {
                    started.Set();
                    gate.Wait(Generous);
                    try
                    {
                        Connection.GetDomain(TestDriver.UniqueName("async-gone")).Dispose();
                    }
                    finally
                    {
                        failed.Set();
                    }
                },
                cancel.Token);
            Assert.That(started.Wait(Generous), Is.True, "the call is running in libvirt's place");
            await cancel.CancelAsync();
            await Assert.ThatAsync(() => call, Throws.InstanceOf<OperationCanceledException>());
            gate.Set();
            Assert.That(failed.Wait(Generous), Is.True, "the abandoned call ran and failed");
            await Task.Delay(100); // Lets the observing continuation run before the finalizers are forced.

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        Assert.That(unobserved, Is.Zero);
    }
}
