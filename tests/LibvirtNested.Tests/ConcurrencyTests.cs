using System.Collections.Concurrent;
using NUnit.Framework;

namespace LibvirtNested.Tests;

public class ConcurrencyTests
{
    private const int Threads = 12;
    private const int Rounds = 40;

    [Test]
    public void Many_threads_on_one_connection_get_their_own_results_and_errors()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var failures = new ConcurrentQueue<string>();
        var counts = new int[Threads];
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(index => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < Rounds; round++)
            {
                try
                {
                    RunRound(connection, index, round);
                    counts[index]++;
                }
                catch (Exception e)
                {
                    failures.Enqueue($"thread {index} round {round}: {e}");
                }
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(5)));
        Assert.That(counts, Is.All.EqualTo(Rounds));
    }

    private static void RunRound(LibvirtConnection connection, int index, int round)
    {
        var name = TestDriver.UniqueName($"c{index}r{round}");
        using (var domain = connection.DefineDomain(TestDriver.Domain(name)))
        {
            var xml = domain.GetInactiveXml();
            if (xml.Name != name || domain.Name != name)
            {
                throw new InvalidOperationException($"read {xml.Name}/{domain.Name}, expected {name}");
            }

            using var again = connection.GetDomain(domain.Uuid);
            if (again.Name != name)
            {
                throw new InvalidOperationException($"uuid lookup gave {again.Name}, expected {name}");
            }

            domain.Undefine();
        }

        // A missing name: the error must be this thread's NO_DOMAIN, not another thread's XML error.
        try
        {
            using var missing = connection.GetDomain(name);
            throw new InvalidOperationException($"{name} still exists after undefine");
        }
        catch (LibvirtNotFoundException e) when (e.Code == 42 && e.Function == "virDomainLookupByName")
        {
        }

        // Malformed XML whose parser message names this thread's own tag.
        var tag = $"tag{index}x{round}";
        try
        {
            using var bad = connection.DefineDomain($"<domain type='kvm'><{tag}></domain>");
            throw new InvalidOperationException("malformed XML was accepted");
        }
        catch (LibvirtInvalidXmlException e) when (e.Message.Contains(tag, StringComparison.Ordinal) && e.Code == 35)
        {
        }
    }
}
