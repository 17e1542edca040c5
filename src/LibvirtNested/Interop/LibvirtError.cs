using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>
/// The one place that reads libvirt's last error and turns it into a typed exception. libvirt keeps the last
/// error per thread and clears it on the next successful call on that thread (including <c>vir*Free</c> in a
/// Dispose), so every failing call is checked here, on the same thread, before anything else runs.
/// </summary>
internal static unsafe class LibvirtError
{
    internal const int VIR_ERR_INTERNAL_ERROR = 1;
    internal const int VIR_ERR_OPERATION_FAILED = 9;
    internal const int VIR_ERR_NO_SUPPORT = 3;
    internal const int VIR_ERR_NO_CONNECT = 5;
    internal const int VIR_ERR_XML_ERROR = 27;
    internal const int VIR_ERR_DOM_EXIST = 28;
    internal const int VIR_ERR_XML_DETAIL = 35;
    internal const int VIR_ERR_NETWORK_EXIST = 37;
    internal const int VIR_ERR_SYSTEM_ERROR = 38;
    internal const int VIR_ERR_RPC = 39;
    internal const int VIR_ERR_NO_DOMAIN = 42;
    internal const int VIR_ERR_NO_NETWORK = 43;
    internal const int VIR_ERR_AUTH_FAILED = 45;
    internal const int VIR_ERR_NO_STORAGE_POOL = 49;
    internal const int VIR_ERR_NO_STORAGE_VOL = 50;
    internal const int VIR_ERR_NO_NODE_DEVICE = 53;
    internal const int VIR_ERR_OPERATION_INVALID = 55;
    internal const int VIR_ERR_NO_INTERFACE = 57;
    internal const int VIR_ERR_NO_NWFILTER = 62;
    internal const int VIR_ERR_NO_SECRET = 66;
    internal const int VIR_ERR_CONFIG_UNSUPPORTED = 67;
    internal const int VIR_ERR_NO_DOMAIN_SNAPSHOT = 72;
    internal const int VIR_ERR_ARGUMENT_UNSUPPORTED = 74;
    internal const int VIR_ERR_AUTH_CANCELLED = 79;
    internal const int VIR_ERR_OPERATION_UNSUPPORTED = 84;
    internal const int VIR_ERR_STORAGE_VOL_EXIST = 90;
    internal const int VIR_ERR_XML_INVALID_SCHEMA = 92;
    internal const int VIR_ERR_AUTH_UNAVAILABLE = 94;
    internal const int VIR_ERR_DEVICE_MISSING = 99;
    internal const int VIR_ERR_NO_NWFILTER_BINDING = 101;
    internal const int VIR_ERR_NO_DOMAIN_CHECKPOINT = 103;
    internal const int VIR_ERR_NO_DOMAIN_BACKUP = 104;
    internal const int VIR_ERR_NETWORK_PORT_EXIST = 106;
    internal const int VIR_ERR_NO_NETWORK_PORT = 107;

    internal const int VIR_FROM_RPC = 7;
    internal const int VIR_FROM_REMOTE = 13;

    /// <summary>Takes (copies and resets) the calling thread's last libvirt error, or null when there is none.</summary>
    internal static LibvirtErrorInfo? TakeLast()
    {
        var error = Libvirt.virGetLastError();
        if (error == null)
        {
            return null;
        }

        var info = new LibvirtErrorInfo(
            error->Code,
            error->Domain,
            error->Level,
            Libvirt.CopyString(error->Message) ?? string.Empty,
            Libvirt.CopyString(error->Str1),
            Libvirt.CopyString(error->Str2),
            Libvirt.CopyString(error->Str3),
            error->Int1,
            error->Int2);
        Libvirt.virResetLastError();
        return info;
    }

    /// <summary>Throws the exception for the calling thread's last error, raised by <paramref name="function"/>.</summary>
    [DoesNotReturn]
    internal static void ThrowLast(string function, bool opening = false) => throw Create(function, opening);

    /// <summary>Builds the exception for the calling thread's last error (and resets it).</summary>
    internal static LibvirtException Create(string function, bool opening = false)
    {
        var info = TakeLast()
            ?? new LibvirtErrorInfo(1, 0, 2, $"{function} failed without reporting an error.");
        return Map(info, function, opening);
    }

    /// <summary>Throws when <paramref name="result"/> is negative (libvirt's failure return).</summary>
    internal static int Check(int result, string function)
    {
        if (result < 0)
        {
            ThrowLast(function);
        }

        return result;
    }

    /// <summary>Returns a valid handle, or reads the error first and then releases the invalid one and throws.</summary>
    internal static T Check<T>(T handle, string function, bool opening = false)
        where T : SafeHandle
    {
        if (!handle.IsInvalid)
        {
            return handle;
        }

        var exception = Create(function, opening);
        handle.Dispose();
        throw exception;
    }

    /// <summary>Returns a string result (already copied, and freed when libvirt handed it over), or throws when libvirt returned NULL.</summary>
    internal static string CheckString(string? result, string function)
    {
        if (result is null)
        {
            ThrowLast(function);
        }

        return result;
    }

    /// <summary>
    /// The same exception again (same type, code and message), now carrying <paramref name="inner"/>: used when a
    /// clean-up after a failure failed too, so that libvirt's original reason stays what the caller catches.
    /// </summary>
    internal static LibvirtException WithInner(LibvirtException original, Exception inner) =>
        original.Info is { } info ? Map(info, original.Function, opening: original is LibvirtConnectionFailedException, inner) : original;

    /// <summary>
    /// Maps a libvirt error to the exception type callers branch on. <paramref name="opening"/> is true for
    /// <c>virConnectOpen*</c>, where a system or RPC error means the connection could not be made rather than
    /// lost.
    /// </summary>
    internal static LibvirtException Map(LibvirtErrorInfo info, string? function = null, bool opening = false, Exception? inner = null)
    {
        switch (info.Code)
        {
            case VIR_ERR_NO_DOMAIN or VIR_ERR_NO_NETWORK or VIR_ERR_NO_STORAGE_POOL or VIR_ERR_NO_STORAGE_VOL
                or VIR_ERR_NO_NODE_DEVICE or VIR_ERR_NO_INTERFACE or VIR_ERR_NO_NWFILTER or VIR_ERR_NO_SECRET
                or VIR_ERR_NO_DOMAIN_SNAPSHOT or VIR_ERR_NO_NWFILTER_BINDING or VIR_ERR_NO_DOMAIN_CHECKPOINT
                or VIR_ERR_NO_DOMAIN_BACKUP or VIR_ERR_NO_NETWORK_PORT or VIR_ERR_DEVICE_MISSING:
                return new LibvirtNotFoundException(info, function, inner);
            case VIR_ERR_XML_INVALID_SCHEMA:
                return new LibvirtSchemaValidationException(info, function, inner);
            case VIR_ERR_XML_ERROR or VIR_ERR_XML_DETAIL:
                return new LibvirtInvalidXmlException(info, function, inner);
            case VIR_ERR_CONFIG_UNSUPPORTED:
                return new LibvirtUnsupportedConfigurationException(info, function, inner);
            case VIR_ERR_NO_SUPPORT or VIR_ERR_OPERATION_UNSUPPORTED or VIR_ERR_ARGUMENT_UNSUPPORTED:
                return new LibvirtUnsupportedOperationException(info, function, inner);
            case VIR_ERR_OPERATION_INVALID:
                return new LibvirtOperationInvalidException(info, function, inner);
            case VIR_ERR_DOM_EXIST or VIR_ERR_NETWORK_EXIST or VIR_ERR_STORAGE_VOL_EXIST or VIR_ERR_NETWORK_PORT_EXIST:
                return new LibvirtAlreadyExistsException(info, function, inner);
            case VIR_ERR_AUTH_FAILED or VIR_ERR_AUTH_CANCELLED or VIR_ERR_AUTH_UNAVAILABLE:
                return new LibvirtAuthenticationException(info, function, inner);
            case VIR_ERR_NO_CONNECT:
                return new LibvirtConnectionFailedException(info, function, inner);
        }

        if (opening)
        {
            return new LibvirtConnectionFailedException(info, function, inner);
        }

        // Once the daemon has gone, the first call fails writing to the socket (38 "Cannot write data: Broken pipe",
        // VIR_FROM_RPC) and every later one with 1 "internal error: client socket is closed" (VIR_FROM_RPC).
        if (info.Code == VIR_ERR_RPC
            || (info.Code == VIR_ERR_SYSTEM_ERROR && info.Domain is VIR_FROM_RPC or VIR_FROM_REMOTE)
            || (info.Domain == VIR_FROM_RPC && info.Message.Contains("client socket is closed", StringComparison.Ordinal))
            || info.Message.Contains("end of file from server", StringComparison.OrdinalIgnoreCase))
        {
            return new LibvirtConnectionLostException(info, function, inner);
        }

        // The test driver reports state errors as internal errors ("Domain 'x' is already running", "domain 'x' not
        // running" for shutdown and suspend, "domain 'x' not paused" for resume), where qemu reports
        // VIR_ERR_OPERATION_INVALID: one exception for the same state error on every driver.
        if (info.Code == VIR_ERR_INTERNAL_ERROR
            && (info.Message.Contains("is already running", StringComparison.Ordinal)
                || info.Message.EndsWith("' not running", StringComparison.Ordinal)
                || info.Message.EndsWith("' not paused", StringComparison.Ordinal)))
        {
            return new LibvirtOperationInvalidException(info, function, inner);
        }

        // Some drivers report a duplicate definition as a generic failure; the message is the only signal.
        if (info.Code == VIR_ERR_OPERATION_FAILED && info.Message.Contains("already exists", StringComparison.Ordinal))
        {
            return new LibvirtAlreadyExistsException(info, function, inner);
        }

        return new LibvirtException(info, function);
    }
}
