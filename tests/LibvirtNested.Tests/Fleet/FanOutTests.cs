using LibvirtNested.Fleet;
using NUnit.Framework;

namespace LibvirtNested.Tests.Fleet;

/// <summary>Fan-out on test-driver hosts, a dead host (no daemon on the socket) and a hanging operation.</summary>
public class FanOutTests : TestDriverHostsTest
{
    [Test]
    public async Task Every_host_answers_with_its_own_value_and_a_dead_host_with_its_typed_error()
    {
        var hosts = new[] { Nodes.Host("a", 1024, 1), NodeFiles.DeadUri, Nodes.Host("b", 2048, 2), Nodes.Host("c", 3072, 3) };
        using var pool = new LibvirtHostPool(Options(hosts));

        var results = await pool.FanOutAsync(c => c.GetNodeInfo().Cpus);

        Assert.That(results.Select(r => r.Uri), Is.EqualTo(hosts));
        Assert.That(results.Where(r => r.Succeeded).Select(r => r.Value), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(results[1].Succeeded, Is.False);
        Assert.That(results[1].Error, Is.InstanceOf<LibvirtConnectionFailedException>());
    }

    [Test]
    public async Task A_hanging_host_times_out_alone_with_the_phase_it_was_in_while_the_others_answer()
    {
        var a = Nodes.Host("a", 1024, 1);
        var hung = Nodes.Host("hung", 1024, 4);
        var b = Nodes.Host("b", 1024, 2);
        using var pool = new LibvirtHostPool(Options(a, hung, b));
        using var release = new ManualResetEventSlim();
        try
        {
            var results = await pool.FanOutAsync(
                c =>
                {
                    var cpus = c.GetNodeInfo().Cpus;
                    if (cpus == 4)
                    {
                        release.Wait(TimeSpan.FromSeconds(120));
                    }

                    return cpus;
                },
                perHostTimeout: TimeSpan.FromSeconds(3));

            Assert.That(results.Select(r => r.Succeeded), Is.EqualTo(new[] { true, false, true }));
            Assert.That(results[1].Error, Is.InstanceOf<LibvirtHostTimeoutException>()
                .With.Property(nameof(LibvirtHostTimeoutException.Phase)).EqualTo("running")
                .And.Property(nameof(LibvirtHostTimeoutException.Uri)).EqualTo(hung)
                .And.Property(nameof(LibvirtHostTimeoutException.Timeout)).EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(results[1].Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(3)));
        }
        finally
        {
            release.Set();
        }
    }

    [Test]
    public async Task A_host_whose_slots_are_all_taken_times_out_as_queued()
    {
        var a = Nodes.Host("a", 1024, 1);
        var options = Options(a);
        options.MaxConcurrentCallsPerHost = 1;
        using var pool = new LibvirtHostPool(options);
        using var release = new ManualResetEventSlim();
        var busy = pool.RunAsync(a, c => release.Wait(TimeSpan.FromSeconds(120)));
        await LibvirtHostPoolTests.WaitUntil(() => pool.GetLoad(a).Running == 1);

        var results = await pool.FanOutAsync(c => true, perHostTimeout: TimeSpan.FromSeconds(1));
        release.Set();

        Assert.That(results[0].Error, Is.InstanceOf<LibvirtHostTimeoutException>().With.Property(nameof(LibvirtHostTimeoutException.Phase)).EqualTo("queued"));
        Assert.That(await busy, Is.True);
    }

    [Test]
    public async Task A_subset_runs_only_on_the_hosts_named_and_an_operation_error_stays_with_its_host()
    {
        var a = Nodes.Host("a", 1024, 1);
        var b = Nodes.Host("b", 1024, 2);
        var c3 = Nodes.Host("c", 1024, 3);
        using var pool = new LibvirtHostPool(Options(a, b, c3));

        var results = await pool.FanOutAsync(c => c.GetDomain("no-such-domain").Name, [c3, a]);

        Assert.That(results.Select(r => r.Uri), Is.EqualTo(new[] { c3, a }));
        Assert.That(results.Select(r => r.Error), Has.All.InstanceOf<LibvirtNotFoundException>());
        Assert.That((pool.IsConnected(a), pool.IsConnected(b), pool.IsConnected(c3)), Is.EqualTo((true, false, true)));
    }

    [Test]
    public void Cancelling_the_whole_fan_out_throws()
    {
        var a = Nodes.Host("a", 1024, 1);
        using var pool = new LibvirtHostPool(Options(a));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.That(async () => await pool.FanOutAsync(c => true, cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

}
