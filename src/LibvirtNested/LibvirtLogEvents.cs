namespace LibvirtNested;

/// <summary>
/// The event ids of the library's log messages (<see cref="Microsoft.Extensions.Logging.EventId"/>), stable across
/// versions so that a service can filter or alert on them. Messages are written only to the logger given in
/// <see cref="LibvirtConnectionOptions.LoggerFactory"/> (category <c>LibvirtNested</c>); without one, nothing is
/// logged. Nothing is ever written to stderr.
/// </summary>
/// <remarks>Ranges: 1000 connections, 1100 libvirt errors, 1200 events, 1300 edits, 1400 reconnection.</remarks>
public static class LibvirtLogEvents
{
    /// <summary>Debug: a connection was opened (<c>virConnectOpen*</c>); carries the URI.</summary>
    public const int ConnectionOpened = 1000;

    /// <summary>Warning: a connection could not be opened; carries the URI, libvirt's error code and error domain.</summary>
    public const int ConnectionOpenFailed = 1001;

    /// <summary>Debug: a connection object was disposed (<c>virConnectClose</c>); carries the URI.</summary>
    public const int ConnectionClosed = 1002;

    /// <summary>Debug: a libvirt call on the connection failed; carries the error code, error domain and libvirt's message. The caller gets the exception as well.</summary>
    public const int LibvirtError = 1100;

    /// <summary>Warning: a libvirt call failed because the connection to the daemon is gone (the error behind <see cref="LibvirtConnectionLostException"/>).</summary>
    public const int ConnectionLost = 1101;

    /// <summary>Warning: a subscriber's buffer was full and events were dropped; carries the count and the kind of event.</summary>
    public const int EventsLost = 1200;

    /// <summary>Information: an edit found the definition changed by another writer and starts over; carries the domain and the attempt.</summary>
    public const int EditConflictRetry = 1300;

    /// <summary>Warning: an edit gave up after its last attempt (<see cref="LibvirtEditConflictException"/>).</summary>
    public const int EditConflictGaveUp = 1301;

    /// <summary>Warning: the connection to the daemon was lost (close callback or keepalive); carries the URI and the reason.</summary>
    public const int Disconnected = 1400;

    /// <summary>Information: a reconnection attempt starts; carries the URI, the attempt and the delay before it.</summary>
    public const int Reconnecting = 1401;

    /// <summary>Information: the connection was reopened; carries the URI and the number of attempts.</summary>
    public const int Reconnected = 1402;

    /// <summary>Warning: a reconnection attempt failed; carries the URI, the attempt and libvirt's error code.</summary>
    public const int ReconnectFailed = 1403;
}
