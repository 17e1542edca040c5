using LibvirtNested.Testing.Fleet;

namespace LibvirtNested.IntegrationTests.Transports;

/// <summary>The remote transports the tests prove, and how each opens a fleet daemon from the root namespace.</summary>
public enum Transport
{
    /// <summary><c>qemu+tcp://</c>, SASL DIGEST-MD5 through <see cref="LibvirtConnection.OpenAuthenticated(string, string, string)"/>.</summary>
    TcpSasl,

    /// <summary><c>qemu+tls://</c> with <c>pkipath</c>: the fleet CA's client certificate.</summary>
    Tls,

    /// <summary><c>qemu+ssh://</c>: libvirt runs ssh (key, BatchMode via no_tty=1, the fleet's known_hosts via command=).</summary>
    Ssh,

    /// <summary><c>qemu+libssh://</c>: libvirt's built-in ssh client with keyfile and known_hosts.</summary>
    Libssh,
}

/// <summary>Opens a fleet daemon over a <see cref="Transport"/>.</summary>
internal static class TransportConnections
{
    public static LibvirtConnection Open(FleetDaemon daemon, Transport transport) => transport switch
    {
        Transport.TcpSasl => LibvirtConnection.OpenAuthenticated(daemon.TcpUri, daemon.Fleet.SaslUser, daemon.Fleet.SaslPassword),
        Transport.Tls => LibvirtConnection.Open(daemon.TlsUri),
        Transport.Ssh => LibvirtConnection.Open(daemon.SshUri),
        Transport.Libssh => LibvirtConnection.Open(daemon.LibsshUri),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };

    /// <summary>
    /// Runs an open on a pool thread and gives it a minute: a transport that waited for a prompt would hang forever,
    /// and must fail the test instead.
    /// </summary>
    public static T WithinAMinute<T>(Func<T> open)
    {
        var task = Task.Run(open);
        if (!task.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("The open did not return within 60 s: is it waiting for input?");
        }

        return task.Result;
    }

    /// <summary>The exception an open threw (unwrapped from the task), or a failure when it opened.</summary>
    public static TException Refused<TException>(Func<LibvirtConnection> open)
        where TException : LibvirtException
    {
        try
        {
            WithinAMinute(open).Dispose();
        }
        catch (AggregateException e) when (e.InnerException is TException expected)
        {
            return expected;
        }

        throw new NUnit.Framework.AssertionException($"The open succeeded; {typeof(TException).Name} was expected.");
    }
}
