using NUnit.Framework;

namespace LibvirtNested.IntegrationTests.Transports;

/// <summary><c>qemu+tcp://</c> with SASL (DIGEST-MD5, a passwd.db made by saslpasswd2) through <c>OpenAuthenticated</c>.</summary>
public class SaslTransportTests
{
    [Test]
    public void The_right_password_opens_the_daemon()
    {
        var daemon = Fleet.Daemon;

        using var connection = TransportConnections.WithinAMinute(
            () => LibvirtConnection.OpenAuthenticated(daemon.TcpUri, daemon.Fleet.SaslUser, daemon.Fleet.SaslPassword));

        Assert.That(connection.DriverType, Is.EqualTo("QEMU"));
        Assert.That(connection.Uri.Scheme, Is.EqualTo("qemu+tcp"));
        Assert.That(connection.LibvirtVersion.Major, Is.GreaterThanOrEqualTo(9));
    }

    [Test]
    public void A_wrong_password_throws_the_authentication_exception()
    {
        var daemon = Fleet.Daemon;

        var refused = TransportConnections.Refused<LibvirtAuthenticationException>(
            () => LibvirtConnection.OpenAuthenticated(daemon.TcpUri, daemon.Fleet.SaslUser, daemon.Fleet.SaslPassword + "x"));

        Assert.That(refused.CodeName, Is.EqualTo("VIR_ERR_AUTH_FAILED"));
        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.CredentialsRejected));
    }

    [Test]
    public void An_unknown_user_throws_the_authentication_exception()
    {
        var daemon = Fleet.Daemon;

        var refused = TransportConnections.Refused<LibvirtAuthenticationException>(
            () => LibvirtConnection.OpenAuthenticated(daemon.TcpUri, "nobody", daemon.Fleet.SaslPassword));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.CredentialsRejected));
    }

    [Test]
    public void A_callback_that_cancels_throws_the_authentication_exception_and_is_asked_for_name_and_password()
    {
        var daemon = Fleet.Daemon;
        var asked = new List<LibvirtCredentialType>();

        var refused = TransportConnections.Refused<LibvirtAuthenticationException>(
            () => LibvirtConnection.OpenAuthenticated(daemon.TcpUri, credentials =>
            {
                asked.AddRange(credentials.Select(c => c.Type));
                return false;
            }));

        Assert.That(asked, Does.Contain(LibvirtCredentialType.AuthName).And.Contain(LibvirtCredentialType.Passphrase));
        Assert.That(refused.Code, Is.AnyOf(45, 79), refused.Message);
    }
}
