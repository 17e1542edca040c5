using LibvirtNested.Diagnostics;
using LibvirtNested.Interop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace LibvirtNested.Tests.Diagnostics;

/// <summary>The optional ILogger of <see cref="LibvirtConnectionOptions"/>: what is logged, with which event id and level, and that nothing is without it.</summary>
[TestFixture]
[NonParallelizable]
public sealed class LoggingTests
{
    [Test]
    public void Open_and_dispose_log_their_event_ids_at_debug_under_the_LibvirtNested_category()
    {
        var logs = new RecordingLoggerFactory();

        var connection = LibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { LoggerFactory = logs });
        connection.Dispose();
        connection.Dispose();

        Assert.That(logs.Entries.Select(e => (e.EventId.Id, e.Level, e.Category)), Is.EqualTo(new[]
        {
            (LibvirtLogEvents.ConnectionOpened, LogLevel.Debug, "LibvirtNested"),
            (LibvirtLogEvents.ConnectionClosed, LogLevel.Debug, "LibvirtNested"),
        }));
        Assert.That(logs.Entries[0].EventId.Name, Is.EqualTo(nameof(LibvirtLogEvents.ConnectionOpened)));
        Assert.That(logs.Entries[0].State["Uri"], Is.EqualTo(TestDriver.Uri));
        Assert.That(logs.Entries[1].Message, Does.Contain(TestDriver.Uri));
    }

    [Test]
    public void A_failed_open_logs_a_warning_with_libvirts_code_and_domain()
    {
        var logs = new RecordingLoggerFactory();

        var error = Assert.Throws<LibvirtConnectionFailedException>(() =>
            LibvirtConnection.Open("nosuchdriver:///nowhere", new LibvirtConnectionOptions { LoggerFactory = logs }));

        var entry = logs.Entries.Single();
        Assert.That(entry.EventId.Id, Is.EqualTo(LibvirtLogEvents.ConnectionOpenFailed));
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(entry.State["ErrorCode"], Is.EqualTo(error!.Code));
        Assert.That(entry.State["ErrorDomain"], Is.EqualTo(error.Domain));
        Assert.That(entry.State["Uri"], Is.EqualTo("nosuchdriver:///nowhere"));
    }

    [Test]
    public void A_failing_call_logs_libvirts_error_code_and_domain_once_and_still_throws_the_same_exception()
    {
        var logs = new RecordingLoggerFactory();
        using var connection = LibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { LoggerFactory = logs });
        var missing = TestDriver.UniqueName("logged-missing");

        var error = Assert.Throws<LibvirtNotFoundException>(() => connection.GetDomain(missing));

        var entry = logs.Entries.Single(e => e.EventId.Id == LibvirtLogEvents.LibvirtError);
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Debug));
        Assert.That(entry.State["ErrorCode"], Is.EqualTo(42));
        Assert.That(entry.State["ErrorCodeName"], Is.EqualTo("VIR_ERR_NO_DOMAIN"));
        Assert.That(entry.State["ErrorDomain"], Is.EqualTo(error!.Domain));
        Assert.That(entry.State["LibvirtMessage"], Is.EqualTo(error.LibvirtMessage), "logs (unlike metrics) carry libvirt's message");
        Assert.That(error.CodeName, Is.EqualTo("VIR_ERR_NO_DOMAIN"), "the caller's error was still there to read");
    }

    [Test]
    public void Errors_of_a_domain_object_are_logged_through_its_connection()
    {
        var logs = new RecordingLoggerFactory();
        using var connection = LibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { LoggerFactory = logs });
        using var domain = connection.DefineDomain(TestDriver.DomainXmlText(TestDriver.UniqueName("logged-running")));
        domain.Start();
        try
        {
            Assert.Throws<LibvirtOperationInvalidException>(domain.Start);
        }
        finally
        {
            domain.Destroy();
            domain.Undefine();
        }

        Assert.That(logs.Entries.Count(e => e.EventId.Id == LibvirtLogEvents.LibvirtError), Is.EqualTo(1));
    }

    [Test]
    public void A_connection_lost_error_is_a_warning_of_its_own()
    {
        var logs = new RecordingLoggerFactory();
        var info = new LibvirtErrorInfo(LibvirtError.VIR_ERR_SYSTEM_ERROR, LibvirtError.VIR_FROM_RPC, 2, "Cannot write data: Broken pipe");

        ConnectionErrorLog.Log(logs.CreateLogger(LibvirtLog.Category), info);

        var entry = logs.Entries.Single();
        Assert.That(entry.EventId.Id, Is.EqualTo(LibvirtLogEvents.ConnectionLost));
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
    }

    [Test]
    public void After_dispose_the_connection_stops_logging_even_for_domains_that_outlive_it()
    {
        var logs = new RecordingLoggerFactory();
        var connection = LibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { LoggerFactory = logs });
        var attached = ConnectionErrorLog.Attached;
        using var domain = connection.DefineDomain(TestDriver.DomainXmlText(TestDriver.UniqueName("logged-outlived")));
        connection.Dispose();
        var before = logs.Entries.Count;

        Assert.Throws<LibvirtOperationInvalidException>(domain.Destroy, "not running");
        domain.Undefine();

        Assert.That(logs.Entries, Has.Count.EqualTo(before));
        Assert.That(ConnectionErrorLog.Attached, Is.EqualTo(attached - 1), "the logger was released");
    }

    [Test]
    public void A_logger_that_throws_on_libvirt_errors_never_breaks_the_call_nor_reaches_native_code()
    {
        var logs = new ThrowingLoggerFactory();
        using var throwing = Open(logs);

        var error = Assert.Throws<LibvirtNotFoundException>(() => throwing.GetDomain(TestDriver.UniqueName("broken-logger")));

        Assert.That(error!.Code, Is.EqualTo(42));
        Assert.That(logs.Attempts, Is.GreaterThanOrEqualTo(1), "the error handler did call the logger");
        Assert.That(throwing.IsAlive, Is.True);
    }

    [Test]
    public void An_edit_conflict_logs_each_retry_and_the_giving_up()
    {
        var logs = new RecordingLoggerFactory();
        using var connection = LibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { LoggerFactory = logs });
        var name = TestDriver.UniqueName("logged-conflict");
        using var domain = connection.DefineDomain(TestDriver.DomainXmlText(name));
        using var other = LibvirtConnection.Open(TestDriver.Uri);
        var runs = 0;
        try
        {
            Assert.Throws<LibvirtEditConflictException>(() => connection.EditDomain(
                domain,
                d =>
                {
                    // Another writer (another connection: not serialised with this edit) changes the definition meanwhile.
                    using var current = other.GetDomain(name);
                    var xml = current.GetInactiveXml();
                    xml.Description = $"other{++runs}";
                    using var redefined = other.DefineDomain(xml);
                    d.Description = "mine";
                },
                new EditOptions { MaxAttempts = 3 }));
        }
        finally
        {
            domain.Undefine();
        }

        var retries = logs.Entries.Where(e => e.EventId.Id == LibvirtLogEvents.EditConflictRetry).ToList();
        Assert.That(retries.Select(e => e.State["Attempt"]), Is.EqualTo(new object[] { 1, 2 }));
        Assert.That(retries, Has.All.Matches<RecordingLoggerFactory.LogEntry>(e => e!.Level == LogLevel.Information && Equals(e.State["DomainName"], name)));
        var gaveUp = logs.Entries.Single(e => e.EventId.Id == LibvirtLogEvents.EditConflictGaveUp);
        Assert.That(gaveUp.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(gaveUp.State["Attempts"], Is.EqualTo(3));
    }

    [Test]
    public void Without_a_logger_nothing_is_attached_and_the_log_calls_allocate_nothing()
    {
        var attached = ConnectionErrorLog.Attached;
        using var connection = LibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions());
        using var plain = LibvirtConnection.Open(TestDriver.Uri);

        Assert.That(ConnectionErrorLog.Attached, Is.EqualTo(attached), "no libvirt error handler was installed");
        Assert.That(connection.Logger, Is.SameAs(NullLogger.Instance));
        Assert.That(plain.Logger, Is.SameAs(NullLogger.Instance));

        // Warm up (JIT), then measure: a call site on the null logger must not box its arguments or format anything.
        LogEverything(connection.Logger);
        var before = GC.GetAllocatedBytesForCurrentThread();
        LogEverything(connection.Logger);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void The_event_ids_are_distinct_and_the_generated_call_sites_use_them()
    {
        var ids = typeof(LibvirtLogEvents).GetFields().Select(f => (int)f.GetRawConstantValue()!).ToList();
        var logs = new RecordingLoggerFactory();

        LogEverything(logs.CreateLogger(LibvirtLog.Category));

        Assert.That(ids, Is.Unique);
        Assert.That(logs.Entries.Select(e => e.EventId.Id), Is.EquivalentTo(ids), "every id has a call site, and every call site a documented id");
        Assert.That(logs.Entries.Select(e => e.EventId.Name), Is.EquivalentTo(typeof(LibvirtLogEvents).GetFields().Select(f => f.Name)));
    }

    [Test]
    public void Nothing_reaches_stderr_or_Console_Error_even_with_a_console_like_logger()
    {
        var logs = new RecordingLoggerFactory();
        var console = new StringWriter();
        var saved = Console.Error;
        Console.SetError(console);
        string written;
        try
        {
            written = StderrTests.CaptureStderr(() =>
            {
                using var connection = LibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { LoggerFactory = logs });
                Assert.Throws<LibvirtNotFoundException>(() => connection.GetDomain(TestDriver.UniqueName("quiet-logged")));
                Assert.Throws<LibvirtConnectionFailedException>(() => LibvirtConnection.Open("nosuchdriver:///x", new LibvirtConnectionOptions { LoggerFactory = logs }));
            });
        }
        finally
        {
            Console.SetError(saved);
        }

        Assert.That(written, Is.Empty);
        Assert.That(console.ToString(), Is.Empty);
        Assert.That(logs.Entries, Has.Count.GreaterThanOrEqualTo(3), "the errors went to the logger instead");
    }

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static LibvirtConnection Open(ILoggerFactory logs) => LibvirtConnection.Open(TestDriver.Uri, new LibvirtConnectionOptions { LoggerFactory = logs });

    private static void LogEverything(ILogger logger)
    {
        LibvirtLog.ConnectionOpened(logger, "test:///default");
        LibvirtLog.ConnectionOpenFailed(logger, "test:///default", 38, "VIR_ERR_SYSTEM_ERROR", 7, "VIR_FROM_RPC", "m");
        LibvirtLog.ConnectionClosed(logger, "test:///default");
        LibvirtLog.LibvirtError(logger, 42, "VIR_ERR_NO_DOMAIN", 12, "VIR_FROM_TEST", "m");
        LibvirtLog.ConnectionLost(logger, 38, "VIR_ERR_SYSTEM_ERROR", 7, "VIR_FROM_RPC", "m");
        LibvirtLog.EventsLost(logger, 3, "domain.lifecycle");
        LibvirtLog.EditConflictRetry(logger, "d", 1, 3);
        LibvirtLog.EditConflictGaveUp(logger, "d", 3);
        LibvirtLog.Disconnected(logger, "qemu:///system", "eof");
        LibvirtLog.Reconnecting(logger, "qemu:///system", 1, OneSecond);
        LibvirtLog.Reconnected(logger, "qemu:///system", 1);
        LibvirtLog.ReconnectFailed(logger, "qemu:///system", 1, 38, "VIR_ERR_SYSTEM_ERROR");
    }
}
