using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>A connection could not be opened: <c>VIR_ERR_NO_CONNECT</c> (5), or any non-authentication error from <c>virConnectOpen*</c> (no daemon, bad URI, unreachable host).</summary>
public class LibvirtConnectionFailedException : LibvirtException
{
    /// <summary>Creates the exception without a libvirt error.</summary>
    public LibvirtConnectionFailedException()
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    public LibvirtConnectionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtConnectionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Why the open failed, recognised from libvirt's error and what it logged meanwhile (<see cref="LibvirtException.LoggedDetails"/>):
    /// rejected credentials, an untrusted host key or certificate, a wrong host name, …; <see cref="LibvirtConnectionFailureCause.Unknown"/>
    /// when libvirt's text says nothing recognisable, or for an exception made without a libvirt error.
    /// </summary>
    public LibvirtConnectionFailureCause Cause { get; }

    internal LibvirtConnectionFailedException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(info, function, innerException)
    {
        Cause = ConnectionFailureClassifier.Classify(info);
    }
}
