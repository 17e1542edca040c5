using LibvirtNested.Interop;

namespace LibvirtNested;

/// <summary>Authentication to a libvirt daemon failed: <c>VIR_ERR_AUTH_FAILED</c> (45), <c>VIR_ERR_AUTH_CANCELLED</c> (79) or <c>VIR_ERR_AUTH_UNAVAILABLE</c> (94).</summary>
public class LibvirtAuthenticationException : LibvirtException
{
    /// <summary>Creates the exception without a libvirt error.</summary>
    public LibvirtAuthenticationException()
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    public LibvirtAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a libvirt error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LibvirtAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Why the open failed, recognised from libvirt's error and what it logged meanwhile (<see cref="LibvirtException.LoggedDetails"/>):
    /// rejected credentials, an untrusted host key or certificate, a wrong host name, …; <see cref="LibvirtConnectionFailureCause.Unknown"/>
    /// when libvirt's text says nothing recognisable, or for an exception made without a libvirt error.
    /// </summary>
    public LibvirtConnectionFailureCause Cause { get; }

    internal LibvirtAuthenticationException(LibvirtErrorInfo info, string? function, Exception? innerException = null)
        : base(info, function, innerException)
    {
        Cause = ConnectionFailureClassifier.Classify(info);
    }
}
