using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace LibvirtNested.Interop;

/// <summary>
/// Keeps libvirt's own log output (<c>virLogMessage</c>, not the error printer that <c>virSetErrorFunc</c> replaces) off
/// the host's stderr and makes it part of the error a failing open reports.
/// </summary>
/// <remarks>
/// <para>A client libvirt logs warnings and errors to stderr by default: a TLS open to a host its certificate does not
/// name prints "Certificate check failed Certificate [session] owner does not match the hostname …" there, while the
/// error the call returns only says "authentication failed: Failed to verify peer's certificate". libvirt has no public
/// API to choose log outputs, only the <c>LIBVIRT_LOG_OUTPUTS</c> variable read once by <c>virInitialize</c>. So, unless
/// the user set <c>LIBVIRT_LOG_OUTPUTS</c> or <c>LIBVIRT_DEBUG</c> (then libvirt does what they asked), the library sets
/// it to <c>3:file:/proc/self/fd/N</c> (warnings and errors into a pipe of its own) for the length of
/// <c>virInitialize</c> and removes it again, so child processes (ssh, a virsh the application runs) never inherit it.</para>
/// <para>A background thread reads the pipe (libvirt blocks writing to a full pipe) and keeps the most recent lines with
/// the native thread id libvirt prints. <see cref="Mark"/> before an open and <see cref="Since"/> after its failure give
/// the lines that open's own thread logged: they are on the pipe before the call returns, and both drain under one lock.</para>
/// </remarks>
internal static unsafe partial class LibvirtLogCapture
{
    private const int Capacity = 512;
    private const int FSetFl = 4;
    private const int FGetFl = 3;
    private const short PollIn = 1;
    private const int EIntr = 4;

    private static readonly Lock Gate = new();
    private static readonly Queue<LogLine> Lines = new();
    private static readonly StringBuilder Partial = new();
    private static int readFd = -1;
    private static long sequence;

    /// <summary>One line libvirt logged: its sequence number, the native thread that logged it, its level and text.</summary>
    internal readonly record struct LogLine(long Sequence, int ThreadId, string Level, string Text);

    /// <summary>True once <see cref="BeforeInitialize"/> redirected libvirt's log output into the pipe.</summary>
    internal static bool IsCapturing => readFd >= 0;

    /// <summary>
    /// Called under the initialization lock right before <c>virInitialize</c>: unless the user configured libvirt's
    /// logging, points <c>LIBVIRT_LOG_OUTPUTS</c> at a new pipe. Returns whether the variable must be removed afterwards.
    /// </summary>
    internal static bool BeforeInitialize()
    {
        if (getenv("LIBVIRT_LOG_OUTPUTS") != 0 || getenv("LIBVIRT_DEBUG") != 0)
        {
            return false;
        }

        var fds = stackalloc int[2];
        if (pipe2(fds, Libc.OCloExec) != 0)
        {
            return false;   // no pipe, no capture: libvirt keeps its default (stderr), as before
        }

        // Level 3 = warnings and errors. libvirt opens the path itself (O_APPEND), giving it its own descriptor of the pipe.
        if (setenv("LIBVIRT_LOG_OUTPUTS", $"3:file:/proc/self/fd/{fds[1]}", 1) != 0)
        {
            _ = close(fds[0]);
            _ = close(fds[1]);
            return false;
        }

        _ = fcntl(fds[0], FSetFl, fcntl(fds[0], FGetFl, 0) | Libc.ONonBlock);
        readFd = fds[0];
        WriteFd = fds[1];
        return true;
    }

    /// <summary>Called right after <c>virInitialize</c>: removes the variable again and starts the reader.</summary>
    internal static void AfterInitialize(bool set)
    {
        if (!set)
        {
            return;
        }

        _ = unsetenv("LIBVIRT_LOG_OUTPUTS");
        // libvirt holds its own descriptor of the pipe now; ours would only keep the pipe open for nothing.
        _ = close(WriteFd);
        WriteFd = -1;
        new Thread(ReadLoop) { IsBackground = true, Name = "libvirt log reader" }.Start();
    }

    private static int WriteFd { get; set; } = -1;

    /// <summary>The sequence number the next line will get: pass it to <see cref="Since"/> after the call.</summary>
    internal static long Mark()
    {
        if (!IsCapturing)
        {
            return 0;
        }

        lock (Gate)
        {
            _ = Drain();
            return sequence;
        }
    }

    /// <summary>The texts of the warnings and errors the calling thread logged since <paramref name="mark"/>.</summary>
    internal static IReadOnlyList<string> Since(long mark)
    {
        if (!IsCapturing)
        {
            return [];
        }

        var thread = gettid();
        lock (Gate)
        {
            _ = Drain();
            return Lines.Where(l => l.Sequence >= mark && l.ThreadId == thread).Select(l => l.Text).ToList();
        }
    }

    /// <summary>Parses one line of libvirt's file output: <c>2026-11-28 15:45:45.291+0000: 21382: warning : func:1086 : text</c>.</summary>
    internal static LogLine? Parse(string line, long number)
    {
        var match = LinePattern().Match(line);
        return match.Success
            ? new LogLine(number, int.Parse(match.Groups["tid"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture), match.Groups["level"].Value, match.Groups["text"].Value)
            : null;
    }

    private static void ReadLoop()
    {
        var fds = stackalloc PollFd[1];
        while (true)
        {
            fds[0] = new PollFd { Fd = readFd, Events = PollIn };
            if (poll(fds, 1, -1) < 0 && Marshal.GetLastPInvokeError() != EIntr)
            {
                return;
            }

            lock (Gate)
            {
                if (!Drain())
                {
                    return;   // libvirt closed its end (it never does while the process lives): nothing more to read
                }
            }
        }
    }

    /// <summary>
    /// Reads whatever the pipe holds (non-blocking) into <see cref="Lines"/>; the caller holds <see cref="Gate"/>.
    /// Returns false once the pipe is closed at the other end.
    /// </summary>
    private static bool Drain()
    {
        var buffer = stackalloc byte[4096];
        while (true)
        {
            var count = read(readFd, buffer, 4096);
            if (count <= 0)
            {
                return count < 0;   // -1 (EAGAIN): empty for now; 0: end of file
            }

            Partial.Append(Encoding.UTF8.GetString(buffer, (int)count));
            var text = Partial.ToString();
            var end = text.LastIndexOf('\n');
            if (end < 0)
            {
                continue;
            }

            Partial.Clear().Append(text, end + 1, text.Length - end - 1);
            foreach (var line in text[..end].Split('\n'))
            {
                if (Parse(line, sequence) is { } parsed && parsed.Level is "warning" or "error")
                {
                    Lines.Enqueue(parsed);
                    sequence++;
                    if (Lines.Count > Capacity)
                    {
                        Lines.Dequeue();
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"^\S+ \S+: (?<tid>\d+): (?<level>\w+) : \S+ : (?<text>.*)$")]
    private static partial Regex LinePattern();

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Libc.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);

    [LibraryImport(Libc.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport(Libc.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);

    [LibraryImport(Libc.LibraryName)]
    private static partial int pipe2(int* fds, int flags);

    [LibraryImport(Libc.LibraryName)]
    private static partial int fcntl(int fd, int command, int argument);

    [LibraryImport(Libc.LibraryName)]
    private static partial int close(int fd);

    [LibraryImport(Libc.LibraryName, SetLastError = true)]
    private static partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport(Libc.LibraryName, SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeout);

    /// <summary>The calling thread's kernel thread id, which libvirt prints in each log line (<c>virThreadSelfID</c>).</summary>
    [LibraryImport(Libc.LibraryName)]
    private static partial int gettid();
}
