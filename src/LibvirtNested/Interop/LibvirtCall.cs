using System.Diagnostics;
using System.Runtime.InteropServices;
using LibvirtNested.Diagnostics;

namespace LibvirtNested.Interop;

/// <summary>
/// One checked libvirt call, timed for the metrics and spans of <see cref="LibvirtDiagnostics"/>:
/// <c>LibvirtCall.Begin(nameof(Libvirt.virX)).Check(Libvirt.virX(…))</c>. The receiver is evaluated before the
/// argument, so <see cref="Begin"/> runs right before the native call and the check right after it, in one
/// expression; every native call of the public types goes this way (ArchitectureTests enforces it).
/// </summary>
/// <remarks>
/// When nobody listens, <see cref="Begin"/> stores no timestamp and the check records nothing: the cost is the
/// listener check. A failure reads libvirt's per-thread error first, before anything else can run on the thread,
/// and is then mapped by <see cref="LibvirtError.Map"/> exactly as <see cref="LibvirtError.Check(int, string)"/> does.
/// Argument marshalling that throws between the two (a NUL in a string, a disposed handle) records nothing: the
/// native call did not happen.
/// </remarks>
internal readonly struct LibvirtCall
{
    private readonly string function;
    private readonly long started;
    private readonly long logMark;

    private LibvirtCall(string function, long started, long logMark)
    {
        this.function = function;
        this.started = started;
        this.logMark = logMark;
    }

    /// <summary>Starts a call of <paramref name="function"/> (the C name, <c>nameof(Libvirt.virX)</c>).</summary>
    internal static LibvirtCall Begin(string function) =>
        new(function, LibvirtDiagnostics.IsEnabled ? Stopwatch.GetTimestamp() : 0, -1);

    /// <summary>
    /// Starts a <c>virConnectOpen*</c> call: a failure also carries what libvirt logged on this thread meanwhile
    /// (<see cref="LibvirtLogCapture"/>), where transports put the actual cause (a certificate's owner, its issuer).
    /// </summary>
    internal static LibvirtCall BeginOpen(string function) =>
        new(function, LibvirtDiagnostics.IsEnabled ? Stopwatch.GetTimestamp() : 0, LibvirtLogCapture.Mark());

    /// <summary>Returns <paramref name="result"/>, or throws the typed exception when it is negative (libvirt's failure return).</summary>
    internal int Check(int result)
    {
        if (result < 0)
        {
            throw Fail();
        }

        Succeeded();
        return result;
    }

    /// <summary>Returns a valid handle, or reads the error first, then releases the invalid handle and throws.</summary>
    internal T Check<T>(T handle, bool opening = false)
        where T : SafeHandle
    {
        if (!handle.IsInvalid)
        {
            Succeeded();
            return handle;
        }

        var exception = Fail(opening);
        handle.Dispose();
        throw exception;
    }

    /// <summary>Returns a string result (already copied), or throws when libvirt returned NULL.</summary>
    internal string CheckString(string? result)
    {
        if (result is null)
        {
            throw Fail();
        }

        Succeeded();
        return result;
    }

    /// <summary>Records a successful call, for callers that interpret the result themselves.</summary>
    internal void Succeeded()
    {
        if (started != 0)
        {
            LibvirtDiagnostics.RecordCall(function, started, null);
        }
    }

    /// <summary>
    /// Takes the calling thread's last error, records the failed call and returns the typed exception (not thrown, so
    /// that a caller can release what it holds first). <paramref name="opening"/> as in <see cref="LibvirtError.Map"/>.
    /// </summary>
    internal LibvirtException Fail(bool opening = false) => LibvirtError.Map(TakeError(), function, opening);

    /// <summary>Takes the calling thread's last error and records the failed call, for callers that do not throw.</summary>
    internal LibvirtErrorInfo TakeError()
    {
        var info = LibvirtError.TakeLast() ?? new LibvirtErrorInfo(1, 0, 2, $"{function} failed without reporting an error.");
        if (logMark >= 0)
        {
            // libvirt logs the error it returns as well: only the other lines add anything.
            var message = info.Message;
            var logged = LibvirtLogCapture.Since(logMark).Where(text => text != message).Distinct().ToList();
            if (logged.Count > 0)
            {
                info = info with { Logged = logged };
            }
        }

        if (started != 0)
        {
            LibvirtDiagnostics.RecordCall(function, started, info);
        }

        return info;
    }
}
