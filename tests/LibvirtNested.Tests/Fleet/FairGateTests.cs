using LibvirtNested.Fleet;
using NUnit.Framework;

namespace LibvirtNested.Tests.Fleet;

/// <summary>The per-host gate: first come, first served, cancellation without losing a slot. Deterministic: no sleeps, no timing.</summary>
public class FairGateTests
{
    [Test]
    public void Grants_up_to_the_limit_at_once_then_queues()
    {
        using var gate = new FairGate(3);
        var granted = Enumerable.Range(0, 3).Select(_ => gate.WaitAsync(CancellationToken.None)).ToList();
        var fourth = gate.WaitAsync(CancellationToken.None);

        Assert.That(granted.All(t => t.IsCompletedSuccessfully), Is.True);
        Assert.That(fourth.IsCompleted, Is.False);
        Assert.That((gate.InUse, gate.Queued), Is.EqualTo((3, 1)));
    }

    [Test]
    public void Released_slots_go_to_the_waiters_in_arrival_order_one_each()
    {
        using var gate = new FairGate(1);
        gate.WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
        var waiters = Enumerable.Range(0, 20).Select(_ => gate.WaitAsync(CancellationToken.None)).ToList();

        for (var i = 0; i < waiters.Count; i++)
        {
            gate.Release();
            Assert.That(waiters[i].Wait(TimeSpan.FromSeconds(30)), Is.True, $"waiter {i} got the slot");
            Assert.That(waiters.Skip(i + 1).Count(w => w.IsCompleted), Is.Zero, $"only waiter {i} got it");
        }

        gate.Release();
        Assert.That((gate.InUse, gate.Queued), Is.EqualTo((0, 0)));
    }

    [Test]
    public void A_newcomer_does_not_overtake_a_waiter_when_a_slot_frees()
    {
        using var gate = new FairGate(1);
        gate.WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
        var early = gate.WaitAsync(CancellationToken.None);

        gate.Release();
        var newcomer = gate.WaitAsync(CancellationToken.None);

        Assert.That(early.Wait(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(newcomer.IsCompleted, Is.False, "the slot went to the waiter, not to the caller that came after");
        gate.Release();
        Assert.That(newcomer.Wait(TimeSpan.FromSeconds(30)), Is.True);
    }

    [Test]
    public void A_cancelled_waiter_leaves_the_queue_and_the_next_one_gets_the_slot()
    {
        using var gate = new FairGate(1);
        gate.WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var cancel = new CancellationTokenSource();
        var first = gate.WaitAsync(CancellationToken.None);
        var cancelled = gate.WaitAsync(cancel.Token);
        var third = gate.WaitAsync(CancellationToken.None);

        cancel.Cancel();

        Assert.That(() => cancelled.GetAwaiter().GetResult(), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(gate.Queued, Is.EqualTo(2));
        gate.Release();
        Assert.That(first.Wait(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(third.IsCompleted, Is.False);
        gate.Release();
        Assert.That(third.Wait(TimeSpan.FromSeconds(30)), Is.True, "the cancelled waiter's turn passed to the next one");
    }

    [Test]
    public void Cancelling_after_the_slot_was_handed_over_keeps_it_held_and_releasing_it_frees_it()
    {
        using var gate = new FairGate(1);
        gate.WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var cancel = new CancellationTokenSource();
        var waiter = gate.WaitAsync(cancel.Token);
        gate.Release();
        Assert.That(waiter.Wait(TimeSpan.FromSeconds(30)), Is.True);

        cancel.Cancel();

        Assert.That(waiter.IsCompletedSuccessfully, Is.True);
        Assert.That(gate.InUse, Is.EqualTo(1));
        gate.Release();
        Assert.That(gate.WaitAsync(CancellationToken.None).IsCompletedSuccessfully, Is.True, "no slot was lost");
    }

    [Test]
    public void An_already_cancelled_token_with_a_free_slot_still_gets_it_but_a_queued_one_is_cancelled_at_once()
    {
        using var gate = new FairGate(1);
        var free = gate.WaitAsync(new CancellationToken(canceled: true));
        var queued = gate.WaitAsync(new CancellationToken(canceled: true));

        Assert.That(free.IsCompletedSuccessfully, Is.True);
        Assert.That(queued.IsCanceled, Is.True);
        Assert.That(gate.Queued, Is.Zero);
    }

    [Test]
    public void Dispose_fails_every_waiter_and_later_waits()
    {
        var gate = new FairGate(1);
        gate.WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
        var waiting = gate.WaitAsync(CancellationToken.None);

        gate.Dispose();

        Assert.That(() => waiting.GetAwaiter().GetResult(), Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(() => gate.WaitAsync(CancellationToken.None), Throws.InstanceOf<ObjectDisposedException>());
    }

    /// <summary>Random interleavings of waits, cancellations and releases against a plain model: FIFO among the waiters still queued, never more than the limit.</summary>
    [Test]
    public void Random_interleavings_keep_the_order_and_the_limit([Range(1, 40)] int seed)
    {
        var random = new Random(seed);
        var limit = random.Next(1, 5);
        using var gate = new FairGate(limit);
        var model = new List<(Task Task, CancellationTokenSource Cancel)>();
        var granted = new List<Task>();
        var holders = 0;
        for (var step = 0; step < 200; step++)
        {
            switch (random.Next(3))
            {
                case 0:
                    var cancel = new CancellationTokenSource();
                    var task = gate.WaitAsync(cancel.Token);
                    if (task.IsCompletedSuccessfully)
                    {
                        Assert.That(model, Is.Empty, "a free slot goes to a newcomer only when nobody waits");
                        holders++;
                    }
                    else
                    {
                        model.Add((task, cancel));
                    }

                    break;
                case 1 when model.Count > 0:
                    var victim = model[random.Next(model.Count)];
                    victim.Cancel.Cancel();
                    Assert.That(victim.Task.IsCanceled, Is.True);
                    model.Remove(victim);
                    break;
                case 2 when holders > 0:
                    gate.Release();
                    holders--;
                    if (model.Count > 0)
                    {
                        var next = model[0];
                        model.RemoveAt(0);
                        Assert.That(next.Task.Wait(TimeSpan.FromSeconds(30)), Is.True, "the oldest waiter got the slot");
                        holders++;
                    }

                    Assert.That(model.Count(m => m.Task.IsCompleted), Is.Zero, "nobody else did");
                    break;
            }

            Assert.That(holders, Is.LessThanOrEqualTo(limit));
            Assert.That((gate.InUse, gate.Queued), Is.EqualTo((holders, model.Count)));
        }

        foreach (var (_, cancel) in model)
        {
            cancel.Dispose();
        }
    }
}
