namespace LibvirtNested;

/// <summary>
/// Serialises <c>virsh edit</c>-style edits of one domain inside this process, whichever
/// <see cref="LibvirtConnection"/> and <see cref="LibvirtDomain"/> objects the callers use: the key is the hypervisor
/// (connection URI and host name) plus the domain's UUID. Entries are reference-counted and removed when the last
/// holder or waiter leaves, so a long-running service editing many domains does not accumulate locks.
/// </summary>
internal static class DomainEditLock
{
    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    [ThreadStatic]
    private static HashSet<string>? heldByThisThread;

    /// <summary>The number of keys currently held or waited for (for tests: no leak).</summary>
    internal static int Count
    {
        get
        {
            lock (Gate)
            {
                return Entries.Count;
            }
        }
    }

    /// <summary>Waits for the edit lock of <paramref name="key"/>; dispose the result to release it.</summary>
    /// <exception cref="InvalidOperationException">This thread already holds it: an edit's change delegate edited the same domain again, which would deadlock.</exception>
    internal static Holder Acquire(string key)
    {
        heldByThisThread ??= new HashSet<string>(StringComparer.Ordinal);
        if (heldByThisThread.Contains(key))
        {
            throw new InvalidOperationException(
                "An edit's change delegate started another edit of the same domain; the inner edit would wait for the outer one forever.");
        }

        Entry entry;
        lock (Gate)
        {
            if (!Entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                Entries.Add(key, entry);
            }

            entry.References++;
        }

        entry.Semaphore.Wait();
        heldByThisThread.Add(key);
        return new Holder(key, entry);
    }

    private static void Release(string key, Entry entry)
    {
        heldByThisThread?.Remove(key);
        entry.Semaphore.Release();
        lock (Gate)
        {
            if (--entry.References == 0)
            {
                Entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    /// <summary>Releases the lock on dispose.</summary>
    internal readonly struct Holder(string key, Entry entry) : IDisposable
    {
        public void Dispose() => Release(key, entry);
    }

    /// <summary>One key's semaphore and the number of holders and waiters.</summary>
    internal sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }
}
