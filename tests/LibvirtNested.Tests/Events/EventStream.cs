using NUnit.Framework;

namespace LibvirtNested.Tests.Events;

/// <summary>Reading event streams in tests: every wait is bounded by the caller's token (30 s), never a sleep.</summary>
internal static class EventStream
{
    /// <summary>Generous: a loaded 2-core machine may be slow, and a passing test never waits this long.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The next <paramref name="count"/> items, markers included.</summary>
    public static async Task<List<LibvirtEvent>> Next(IAsyncEnumerator<LibvirtEvent> events, int count)
    {
        var received = new List<LibvirtEvent>();
        while (received.Count < count && await events.MoveNextAsync())
        {
            received.Add(events.Current);
        }

        return received;
    }

    /// <summary>
    /// The next <paramref name="count"/> events of type <typeparamref name="T"/> that match (others of that type are
    /// skipped); an item of any other type — a loss marker, a kind not asked for — fails the test.
    /// </summary>
    public static async Task<List<T>> Next<T>(IAsyncEnumerator<LibvirtEvent> events, int count, Func<T, bool>? match = null)
        where T : LibvirtEvent
    {
        var received = new List<T>();
        while (received.Count < count && await events.MoveNextAsync())
        {
            var item = events.Current as T ?? throw new AssertionException($"expected a {typeof(T).Name}, got {events.Current}");
            if (match is null || match(item))
            {
                received.Add(item);
            }
        }

        return received;
    }
}
