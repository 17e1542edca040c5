using System.Runtime.InteropServices;
using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Interop;

/// <summary>libvirt's log output goes into the library's pipe, not stderr, and the variable that sends it there is gone again.</summary>
public partial class LibvirtLogCaptureTests
{
    [Test]
    public void A_libvirt_log_line_is_parsed_into_thread_level_and_text()
    {
        var line = LibvirtLogCapture.Parse(
            "2026-11-28 15:45:45.291+0000: 21382: warning : virNetTLSContextCheckCertificate:1086 : Certificate check failed Certificate [session] owner does not match the hostname 10.213.53.102",
            7);

        Assert.That(line, Is.EqualTo(new LibvirtLogCapture.LogLine(7, 21382, "warning", "Certificate check failed Certificate [session] owner does not match the hostname 10.213.53.102")));
        Assert.That(LibvirtLogCapture.Parse("not a libvirt line", 0), Is.Null);
    }

    [Test]
    public void Once_libvirt_is_initialized_the_log_is_captured_and_the_variable_is_not_left_for_child_processes()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);

        if (Environment.GetEnvironmentVariable("LIBVIRT_LOG_OUTPUTS") is not null || Environment.GetEnvironmentVariable("LIBVIRT_DEBUG") is not null)
        {
            Assert.That(LibvirtLogCapture.IsCapturing, Is.False, "the user's own logging setup wins");
            return;
        }

        Assert.That(LibvirtLogCapture.IsCapturing, Is.True);
        Assert.That(GetEnv("LIBVIRT_LOG_OUTPUTS") == 0, Is.True, "unset again after virInitialize: ssh or a virsh started later must not inherit it");
    }

    [Test]
    public void Lines_logged_before_the_mark_or_by_another_thread_are_not_returned()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var mark = LibvirtLogCapture.Mark();

        Assert.That(LibvirtLogCapture.Since(mark), Is.Empty);
    }

    [LibraryImport("libc.so.6", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint GetEnv(string name);
}
