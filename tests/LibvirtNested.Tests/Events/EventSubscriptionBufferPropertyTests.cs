using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Events;

/// <summary>
/// The bounded buffer and its loss marker, as a property over random capacities, bursts and reads: whatever the
/// consumer does, memory stays bounded, order is kept, and every event is either delivered or counted exactly once
/// in the <see cref="EventsLostEvent"/> that stands where it was dropped.
/// </summary>
public class EventSubscriptionBufferPropertyTests : TestDriverFixture
{
    [Test]
    public void Every_event_is_delivered_or_counted_once_in_order_with_the_buffer_bounded()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var capacity = random.Next(1, 9);

            // No event source: a subscription that libvirt never sees, fed directly the way the hubs feed it.
            using var subscription = EventSubscription.Subscribe(Connection.Handle, [], null, capacity);
            var produced = random.Next(0, 200);
            var read = new List<LibvirtEvent>();
            var next = 0;
            while (next < produced)
            {
                if (random.Next(3) != 0)
                {
                    subscription.Offer(Event(next++), "d");
                    Assert.That(subscription.Reader.Count, Is.LessThanOrEqualTo(capacity + 1), $"seed {seed}: bounded");
                }
                else
                {
                    for (var k = random.Next(0, capacity + 2); k > 0 && subscription.Reader.TryRead(out var item); k--)
                    {
                        read.Add(item);
                    }
                }
            }

            // Drain, then one more event: a loss still pending is reported in front of it.
            while (subscription.Reader.TryRead(out var item))
            {
                read.Add(item);
            }

            subscription.Offer(Event(next++), "d");
            while (subscription.Reader.TryRead(out var item))
            {
                read.Add(item);
            }

            var expected = 0;
            for (var i = 0; i < read.Count; i++)
            {
                if (read[i] is EventsLostEvent lost)
                {
                    Assert.That(lost.Count, Is.GreaterThan(0), $"seed {seed}");
                    Assert.That(i + 1 < read.Count && read[i + 1] is DomainRebootEvent, Is.True, $"seed {seed}: a marker is followed by an event");
                    expected += (int)lost.Count;
                    continue;
                }

                Assert.That(Sequence(read[i]), Is.EqualTo(expected), $"seed {seed}: event {i} in order, none missing uncounted");
                expected++;
            }

            Assert.That(expected, Is.EqualTo(next), $"seed {seed}: every produced event accounted for");
        }
    }

    private static DomainRebootEvent Event(int sequence) =>
        new() { DomainName = "d", DomainUuid = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Timestamp = DateTimeOffset.UnixEpoch };

    private static int Sequence(LibvirtEvent item) => int.Parse(((DomainEvent)item).DomainUuid, System.Globalization.CultureInfo.InvariantCulture);
}
