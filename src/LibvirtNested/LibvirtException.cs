using System.Globalization;
using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>
/// A libvirt call failed. Carries libvirt's <c>virError</c> as read on the calling thread right after the
/// failing call: code (<c>virErrorNumber</c>), error domain (<c>virErrorDomain</c>), level and message.
/// Subclasses name the cases callers branch on (<see cref="LibvirtNotFoundException"/>,
/// <see cref="LibvirtInvalidXmlException"/>, …); any other code is a plain <see cref="LibvirtException"/>.
/// </summary>
public class LibvirtException : Exception
{
    /// <summary>Creates an exception that carries no libvirt error (code 0).</summary>
    public LibvirtException()
        : this("A libvirt call failed.")
    {
    }

    /// <summary>Creates an exception that carries no libvirt error (code 0).</summary>
    /// <param name="message">The message.</param>
    public LibvirtException(string message)
        : base(message)
    {
        LibvirtMessage = message;
    }

    /// <summary>Creates an exception that carries no libvirt error (code 0).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtException(string message, Exception innerException)
        : base(message, innerException)
    {
        LibvirtMessage = message;
    }

    internal LibvirtException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(Format(info, function), innerException)
    {
        Info = info;
        Code = info.Code;
        Domain = info.Domain;
        Level = (LibvirtErrorLevel)info.Level;
        LibvirtMessage = info.Message;
        Function = function;
        CodeName = LibvirtErrorNames.Code(info.Code);
        DomainName = LibvirtErrorNames.Domain(info.Domain);
        ExtraInfo = new[] { info.Str1, info.Str2, info.Str3 }.OfType<string>().ToArray();
        LoggedDetails = info.Logged;
    }

    /// <summary>The libvirt error this exception was made from; null for one made without.</summary>
    internal LibvirtErrorInfo? Info { get; }

    /// <summary><c>virError.code</c>: the <c>virErrorNumber</c>, e.g. 42 for <c>VIR_ERR_NO_DOMAIN</c>.</summary>
    public int Code { get; }

    /// <summary><c>virError.domain</c>: the <c>virErrorDomain</c> (part of libvirt that failed), e.g. 20 for <c>VIR_FROM_DOMAIN</c>.</summary>
    public int Domain { get; }

    /// <summary><c>virError.level</c>.</summary>
    public LibvirtErrorLevel Level { get; }

    /// <summary><c>virError.message</c>: libvirt's own text, without the code and function added to <see cref="Exception.Message"/>.</summary>
    public string LibvirtMessage { get; }

    /// <summary>The libvirt API function that failed, e.g. <c>virDomainDefineXMLFlags</c>.</summary>
    public string? Function { get; }

    /// <summary>libvirt's name for <see cref="Code"/>, e.g. <c>VIR_ERR_NO_DOMAIN</c>; null for a code unknown to libvirt 9.0.0.</summary>
    public string? CodeName { get; }

    /// <summary>libvirt's name for <see cref="Domain"/>, e.g. <c>VIR_FROM_DOMAIN</c>; null when unknown.</summary>
    public string? DomainName { get; }

    /// <summary><c>virError.str1</c>…<c>str3</c>: the extra strings libvirt attached, when any.</summary>
    public IReadOnlyList<string> ExtraInfo { get; } = [];

    /// <summary>
    /// What libvirt logged (<c>virLogMessage</c>, warnings and errors) on the failing thread while a connection open
    /// (<c>virConnectOpen*</c>) failed, besides <see cref="LibvirtMessage"/>: where libvirt's remote transports put the
    /// actual cause, e.g. "Certificate [session] owner does not match the hostname 10.0.0.2" behind "authentication
    /// failed: Failed to verify peer's certificate". Also appended to <see cref="Exception.Message"/>. Empty for other
    /// calls, and when the application set <c>LIBVIRT_LOG_OUTPUTS</c> or <c>LIBVIRT_DEBUG</c> itself (libvirt then logs
    /// where those say; otherwise the library takes libvirt's log output off stderr).
    /// </summary>
    public IReadOnlyList<string> LoggedDetails { get; } = [];

    private static string Format(LibvirtErrorInfo info, string? function) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{info.Message}{(info.Logged.Count > 0 ? " [libvirt logged: " + string.Join("; ", info.Logged) + "]" : string.Empty)} ({function ?? "libvirt"}: {LibvirtErrorNames.Code(info.Code) ?? "code " + info.Code.ToString(CultureInfo.InvariantCulture)}, {LibvirtErrorNames.Domain(info.Domain) ?? "domain " + info.Domain.ToString(CultureInfo.InvariantCulture)})");
}
