using System.Runtime.InteropServices;
using System.Text;
using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests;

[NonParallelizable]
public partial class StderrTests
{
    [Test]
    public void The_silent_error_handler_is_installed_once_a_connection_opens()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);

        Assert.That(Libvirt.IsErrorHandlerInstalled, Is.True);
    }

    [Test]
    public void A_failing_call_writes_nothing_to_stderr()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);

        var written = CaptureStderr(() => Assert.Throws<LibvirtNotFoundException>(() => connection.GetDomain(TestDriver.UniqueName("quiet"))));

        Assert.That(written, Is.Empty);
    }

    [Test]
    public unsafe void Without_the_handler_libvirt_would_print_the_error_so_the_capture_works()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        string written;
        Libvirt.virSetErrorFunc(null, null);
        try
        {
            written = CaptureStderr(() => Assert.Throws<LibvirtNotFoundException>(() => connection.GetDomain(TestDriver.UniqueName("loud"))));
        }
        finally
        {
            Libvirt.InstallSilentErrorHandler();
        }

        Assert.That(written, Does.Contain("Domain not found"));
    }

    internal static string CaptureStderr(Action action)
    {
        var pipe = new int[2];
        Assert.That(Pipe(pipe), Is.Zero);
        var saved = Dup(2);
        try
        {
            Assert.That(Dup2(pipe[1], 2), Is.EqualTo(2));
            action();
        }
        finally
        {
            Assert.That(Dup2(saved, 2), Is.EqualTo(2));
            Assert.That(Close(saved), Is.Zero);
            Assert.That(Close(pipe[1]), Is.Zero);
        }

        using var reader = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(pipe[0], ownsHandle: true), FileAccess.Read);
        using var text = new StreamReader(reader, Encoding.UTF8);
        return text.ReadToEnd();
    }

    [LibraryImport("libc", EntryPoint = "pipe")]
    private static partial int Pipe([Out] int[] fds);

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int fd, int fd2);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
