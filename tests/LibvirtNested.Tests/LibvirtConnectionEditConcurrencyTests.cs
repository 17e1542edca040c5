using System.Collections.Concurrent;
using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Tests;

/// <summary>Issue 8, defect 5: concurrent writers of one domain, in this process and outside it.</summary>
public class LibvirtConnectionEditConcurrencyTests : TestDriverFixture
{
    [Test]
    public void A_rejected_edit_never_reverts_another_threads_accepted_edits()
    {
        using var defined = TestDriver.Define(Connection, "rejectrace");
        var name = defined.Domain.Name;
        const int accepted = 40;
        var rejectedCount = 0;
        var failures = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();

        // Thread A: edits libvirt rejects (schema validation), over and over, while B works.
        var a = new Thread(() =>
        {
            using var connection = LibvirtConnection.Open(TestDriver.Uri);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    connection.EditDomain(name, d => d.Element.Add(new XElement("notInTheSchema")));
                    failures.Enqueue(new InvalidOperationException("a schema-invalid edit was accepted"));
                }
                catch (LibvirtSchemaValidationException)
                {
                    Interlocked.Increment(ref rejectedCount);
                }
            }
        });

        // Thread B: 40 accepted edits, each adding its own mark to the description.
        var b = new Thread(() =>
        {
            using var connection = LibvirtConnection.Open(TestDriver.Uri);
            for (var i = 0; i < accepted; i++)
            {
                try
                {
                    var mark = $"b{i};";
                    connection.EditDomain(name, d => AppendDescription(d, mark));
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }

            stop.Cancel();
        });

        a.Start();
        b.Start();
        b.Join();
        a.Join();

        Assert.That(failures, Is.Empty);
        Assert.That(rejectedCount, Is.GreaterThan(0), "thread A's edits were attempted and rejected");
        var description = Description(defined.Domain);
        var survived = Enumerable.Range(0, accepted).Count(i => description.Contains($"b{i};", StringComparison.Ordinal));
        Assert.That(survived, Is.EqualTo(accepted), $"only {survived} of B's {accepted} edits survived: {description}");
    }

    [Test]
    public void Thirty_parallel_edits_through_shared_and_separate_objects_all_survive()
    {
        using var defined = TestDriver.Define(Connection, "parallel");
        var name = defined.Domain.Name;
        const int writers = 30;
        var failures = new ConcurrentQueue<Exception>();
        var results = new ConcurrentBag<EditResult>();
        using var start = new Barrier(writers);
        using var shared = LibvirtConnection.Open(TestDriver.Uri);

        var threads = Enumerable.Range(0, writers).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                var mark = $"w{i};";

                // One shared connection (the ASP.NET Core case), separate connections, and domain objects: one lock.
                switch (i % 3)
                {
                    case 0:
                        results.Add(shared.EditDomain(name, d => AppendDescription(d, mark)));
                        break;
                    case 1:
                        using (var own = LibvirtConnection.Open(TestDriver.Uri))
                        {
                            results.Add(own.EditDomain(name, d => AppendDescription(d, mark)));
                        }

                        break;
                    default:
                        using (var domain = shared.GetDomain(name))
                        {
                            results.Add(domain.Edit(d => AppendDescription(d, mark)));
                        }

                        break;
                }
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.That(failures, Is.Empty);
        Assert.That(results, Has.Count.EqualTo(writers));
        Assert.That(results.Select(r => r.Applied).ToList(), Is.All.True);
        var description = Description(defined.Domain);
        var survived = Enumerable.Range(0, writers).Count(i => description.Contains($"w{i};", StringComparison.Ordinal));
        Assert.That(survived, Is.EqualTo(writers), $"only {survived} of {writers} reported successes remain: {description}");
        Assert.That(DomainEditLock.Count, Is.Zero, "every lock entry was released and removed");
    }

    [Test]
    public void A_write_between_read_and_define_makes_the_edit_start_over_and_keeps_both_changes()
    {
        using var defined = TestDriver.Define(Connection, "interleave");
        var runs = 0;

        var result = Connection.EditDomain(defined.Domain, d =>
        {
            if (++runs == 1)
            {
                // Another process's write, landing after this edit read the definition.
                OtherWriterAppends(defined.Domain.Name, "other;");
            }

            AppendDescription(d, "mine;");
        });

        Assert.That(runs, Is.EqualTo(2), "the change delegate ran again on the new definition");
        Assert.That(result.Attempts, Is.EqualTo(2));
        Assert.That(Description(defined.Domain), Is.EqualTo("other;mine;"));
    }

    [Test]
    public void A_definition_that_keeps_changing_gives_a_conflict_after_MaxAttempts_and_keeps_the_other_writes()
    {
        using var defined = TestDriver.Define(Connection, "conflict");
        var runs = 0;

        var error = Assert.Throws<LibvirtEditConflictException>(() => Connection.EditDomain(
            defined.Domain,
            d =>
            {
                OtherWriterAppends(defined.Domain.Name, $"other{++runs};");
                AppendDescription(d, "mine;");
            },
            new EditOptions { MaxAttempts = 3 }));

        Assert.That(runs, Is.EqualTo(3));
        Assert.That(error!.Attempts, Is.EqualTo(3));
        Assert.That(error.EditedDomain, Is.EqualTo(defined.Domain.Name));
        Assert.That(error, Is.InstanceOf<LibvirtException>());
        Assert.That(Description(defined.Domain), Is.EqualTo("other1;other2;other3;"), "nothing of the other writer was reverted");
    }

    [Test]
    public void A_change_delegate_that_edits_the_same_domain_throws_instead_of_deadlocking()
    {
        using var defined = TestDriver.Define(Connection, "reentrant");

        Assert.Throws<InvalidOperationException>(() => Connection.EditDomain(
            defined.Domain,
            _ => defined.Domain.Edit(d => AppendDescription(d, "inner;"))));
        Assert.That(DomainEditLock.Count, Is.Zero);

        // The lock was released: the next edit goes through.
        Assert.That(defined.Domain.Edit(d => AppendDescription(d, "after;")).Applied, Is.True);
    }

    [Test]
    public void A_failed_restore_keeps_libvirts_original_reason_with_the_restore_failure_inside()
    {
        var rejected = LibvirtNested.Interop.LibvirtError.Map(new LibvirtNested.Interop.LibvirtErrorInfo(92, 10, 2, "schema says no"), "virDomainDefineXMLFlags");
        var restoreFailure = new LibvirtConnectionLostException("socket closed");

        var thrown = LibvirtNested.Interop.LibvirtError.WithInner(rejected, restoreFailure);

        Assert.That(thrown, Is.TypeOf<LibvirtSchemaValidationException>());
        Assert.That((thrown.Code, thrown.Function, thrown.LibvirtMessage), Is.EqualTo((92, "virDomainDefineXMLFlags", "schema says no")));
        Assert.That(thrown.InnerException, Is.SameAs(restoreFailure));
    }

    [Test]
    public void Edit_works_after_the_domains_connection_object_was_disposed()
    {
        var connection = LibvirtConnection.Open(TestDriver.Uri);
        var domain = connection.DefineDomain(TestDriver.Domain(TestDriver.UniqueName("orphan")));
        try
        {
            connection.Dispose();

            var result = domain.Edit(d => AppendDescription(d, "edited after dispose;"));

            Assert.That(result.Applied, Is.True);
            Assert.That(Description(domain), Is.EqualTo("edited after dispose;"));
            Assert.Throws<ObjectDisposedException>(() => connection.GetDomain(domain.Name), "the connection object itself stays disposed");
        }
        finally
        {
            domain.Undefine();
            domain.Dispose();
        }
    }

    private static void OtherWriterAppends(string name, string text)
    {
        // A plain read-modify-define, as another program would do it, bypassing EditDomain and its lock.
        using var other = LibvirtConnection.Open(TestDriver.Uri);
        using var domain = other.GetDomain(name);
        var xml = domain.GetInactiveXml(DomainXmlOptions.Secure);
        AppendDescription(xml, text);
        other.DefineDomain(xml).Dispose();
    }

    private static void AppendDescription(DomainXml domain, string text)
    {
        var description = domain.Element.Element("description");
        if (description is null)
        {
            domain.Element.Element("name")!.AddAfterSelf(new XElement("description", text));
        }
        else
        {
            description.Value += text;
        }
    }

    private static string Description(LibvirtDomain domain) =>
        domain.GetInactiveXml().Element.Element("description")?.Value ?? string.Empty;
}
