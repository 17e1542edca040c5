using Microsoft.Extensions.Logging;

namespace LibvirtNested.Diagnostics;

/// <summary>
/// Every log message of the library, source-generated (<see cref="LoggerMessageAttribute"/>): a disabled level costs
/// one <see cref="ILogger.IsEnabled"/> check and allocates nothing, and the connection's logger is
/// <see cref="Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance"/> when none was given. Event ids are the
/// public constants of <see cref="LibvirtLogEvents"/>, so a message's id cannot drift from its documentation.
/// </summary>
/// <remarks>Call sites for code still to come (reconnection) are here already, so that their ids are fixed.</remarks>
internal static partial class LibvirtLog
{
    /// <summary>The logger category of every message.</summary>
    internal const string Category = "LibvirtNested";

    [LoggerMessage(EventId = LibvirtLogEvents.ConnectionOpened, EventName = nameof(LibvirtLogEvents.ConnectionOpened), Level = LogLevel.Debug,
        Message = "Opened libvirt connection {Uri}")]
    internal static partial void ConnectionOpened(ILogger logger, string uri);

    [LoggerMessage(EventId = LibvirtLogEvents.ConnectionOpenFailed, EventName = nameof(LibvirtLogEvents.ConnectionOpenFailed), Level = LogLevel.Warning,
        Message = "Could not open libvirt connection {Uri}: error {ErrorCode} ({ErrorCodeName}) from {ErrorDomain} ({ErrorDomainName}): {LibvirtMessage}")]
    internal static partial void ConnectionOpenFailed(ILogger logger, string uri, int errorCode, string? errorCodeName, int errorDomain, string? errorDomainName, string libvirtMessage);

    [LoggerMessage(EventId = LibvirtLogEvents.ConnectionClosed, EventName = nameof(LibvirtLogEvents.ConnectionClosed), Level = LogLevel.Debug,
        Message = "Closed libvirt connection {Uri}")]
    internal static partial void ConnectionClosed(ILogger logger, string uri);

    [LoggerMessage(EventId = LibvirtLogEvents.LibvirtError, EventName = nameof(LibvirtLogEvents.LibvirtError), Level = LogLevel.Debug,
        Message = "libvirt error {ErrorCode} ({ErrorCodeName}) from {ErrorDomain} ({ErrorDomainName}): {LibvirtMessage}")]
    internal static partial void LibvirtError(ILogger logger, int errorCode, string? errorCodeName, int errorDomain, string? errorDomainName, string libvirtMessage);

    [LoggerMessage(EventId = LibvirtLogEvents.ConnectionLost, EventName = nameof(LibvirtLogEvents.ConnectionLost), Level = LogLevel.Warning,
        Message = "libvirt connection lost: error {ErrorCode} ({ErrorCodeName}) from {ErrorDomain} ({ErrorDomainName}): {LibvirtMessage}")]
    internal static partial void ConnectionLost(ILogger logger, int errorCode, string? errorCodeName, int errorDomain, string? errorDomainName, string libvirtMessage);

    [LoggerMessage(EventId = LibvirtLogEvents.EventsLost, EventName = nameof(LibvirtLogEvents.EventsLost), Level = LogLevel.Warning,
        Message = "{Count} {EventKind} events were lost: the subscriber's buffer was full")]
    internal static partial void EventsLost(ILogger logger, long count, string eventKind);

    [LoggerMessage(EventId = LibvirtLogEvents.EditConflictRetry, EventName = nameof(LibvirtLogEvents.EditConflictRetry), Level = LogLevel.Information,
        Message = "The definition of domain {DomainName} changed during edit attempt {Attempt} of {MaxAttempts}; starting over")]
    internal static partial void EditConflictRetry(ILogger logger, string domainName, int attempt, int maxAttempts);

    [LoggerMessage(EventId = LibvirtLogEvents.EditConflictGaveUp, EventName = nameof(LibvirtLogEvents.EditConflictGaveUp), Level = LogLevel.Warning,
        Message = "The definition of domain {DomainName} changed during each of {Attempts} edit attempts; giving up")]
    internal static partial void EditConflictGaveUp(ILogger logger, string domainName, int attempts);

    [LoggerMessage(EventId = LibvirtLogEvents.Disconnected, EventName = nameof(LibvirtLogEvents.Disconnected), Level = LogLevel.Warning,
        Message = "libvirt connection {Uri} lost: {Reason}")]
    internal static partial void Disconnected(ILogger logger, string uri, string reason);

    [LoggerMessage(EventId = LibvirtLogEvents.Reconnecting, EventName = nameof(LibvirtLogEvents.Reconnecting), Level = LogLevel.Information,
        Message = "Reconnecting to {Uri}: attempt {Attempt} in {Delay}")]
    internal static partial void Reconnecting(ILogger logger, string uri, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = LibvirtLogEvents.Reconnected, EventName = nameof(LibvirtLogEvents.Reconnected), Level = LogLevel.Information,
        Message = "Reconnected to {Uri} after {Attempts} attempts")]
    internal static partial void Reconnected(ILogger logger, string uri, int attempts);

    [LoggerMessage(EventId = LibvirtLogEvents.ReconnectFailed, EventName = nameof(LibvirtLogEvents.ReconnectFailed), Level = LogLevel.Warning,
        Message = "Reconnection attempt {Attempt} to {Uri} failed: error {ErrorCode} ({ErrorCodeName})")]
    internal static partial void ReconnectFailed(ILogger logger, string uri, int attempt, int errorCode, string? errorCodeName);
}
