using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using LibvirtNested.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LibvirtNested.Interop;

/// <summary>
/// Logs every libvirt error raised on a connection that has a logger: libvirt's per-connection error handler
/// (<c>virConnSetErrorFunc</c>) runs on the failing thread inside each failing API call on that connection, its
/// domains, networks and pools included, so this one place sees them all with their code and error domain.
/// </summary>
/// <remarks>
/// <para>The handler's opaque is a number, not a <see cref="GCHandle"/>: a call on another thread can have read the
/// handler just before <see cref="Detach"/> and run it just after, so the opaque must stay harmless once detached —
/// a number missing from <see cref="Loggers"/> is ignored. The connection's own handler replaces the process-wide
/// silent one (<see cref="Libvirt.InstallSilentErrorHandler"/>), and prints nothing either. It must not call libvirt
/// (that would reset the error the caller is about to read) and never lets an exception reach native code.</para>
/// <para>The error itself stays where it was: the calling thread reads it afterwards and throws, as without a logger.</para>
/// </remarks>
internal static unsafe class ConnectionErrorLog
{
    private static readonly ConcurrentDictionary<long, ILogger> Loggers = new();
    private static long nextId;

    /// <summary>Sends <paramref name="connection"/>'s errors to <paramref name="logger"/>; returns the id for <see cref="Detach"/>.</summary>
    internal static long Attach(ConnectHandle connection, ILogger logger)
    {
        var id = Interlocked.Increment(ref nextId);
        Loggers[id] = logger;
        Libvirt.virConnSetErrorFunc(connection, (void*)(nint)id, &OnError);
        return id;
    }

    /// <summary>Stops logging the connection's errors (back to the silent process-wide handler). Never throws.</summary>
    internal static void Detach(ConnectHandle connection, long id)
    {
        if (!connection.IsClosed)
        {
            Libvirt.virConnSetErrorFunc(connection, null, null);
        }

        Loggers.TryRemove(id, out _);
    }

    /// <summary>Connections whose errors are being logged (for tests).</summary>
    internal static int Attached => Loggers.Count;

    [UnmanagedCallersOnly]
    private static void OnError(void* userData, VirError* error)
    {
        try
        {
            if (error != null && Loggers.TryGetValue((long)(nint)userData, out var logger)
                && (logger.IsEnabled(LogLevel.Debug) || logger.IsEnabled(LogLevel.Warning)))
            {
                Log(logger, new LibvirtErrorInfo(error->Code, error->Domain, error->Level, Libvirt.CopyString(error->Message) ?? string.Empty));
            }
        }
#pragma warning disable CA1031 // Runs inside a native call: an exception escaping here would tear down the process.
        catch
#pragma warning restore CA1031
        {
            // A logging provider that throws loses this message; the caller still gets libvirt's error.
        }
    }

    internal static void Log(ILogger logger, LibvirtErrorInfo info)
    {
        var codeName = LibvirtErrorNames.Code(info.Code);
        var domainName = LibvirtErrorNames.Domain(info.Domain);
        if (LibvirtError.Map(info) is LibvirtConnectionLostException)
        {
            LibvirtLog.ConnectionLost(logger, info.Code, codeName, info.Domain, domainName, info.Message);
        }
        else
        {
            LibvirtLog.LibvirtError(logger, info.Code, codeName, info.Domain, domainName, info.Message);
        }
    }
}
