using NUnit.Framework;

namespace LibvirtNested.IntegrationTests.Transports;

/// <summary>
/// <c>qemu+tls://</c> with a throw-away CA (certtool): the client certificate's folder is the <c>pkipath</c> URI
/// parameter; every refusal is typed and names its cause.
/// </summary>
public class TlsTransportTests
{
    [Test]
    public void A_valid_client_certificate_opens_the_daemon()
    {
        var daemon = Fleet.Daemon;

        using var connection = TransportConnections.WithinAMinute(() => LibvirtConnection.Open(daemon.TlsUri));

        Assert.That(connection.DriverType, Is.EqualTo("QEMU"));
        Assert.That(connection.Uri.Scheme, Is.EqualTo("qemu+tls"));
    }

    [Test]
    public void A_host_name_the_server_certificate_does_not_name_is_refused_as_a_name_mismatch()
    {
        // Same daemon, same certificate, reached by the namespace's second address, which the certificate does not name.
        var daemon = Fleet.Daemon;

        var refused = TransportConnections.Refused<LibvirtAuthenticationException>(
            () => LibvirtConnection.Open($"qemu+tls://{daemon.OtherAddress}/system?pkipath={daemon.Fleet.ClientPkiPath}"));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.ServerNameMismatch), refused.Message);
        Assert.That(refused.LoggedDetails, Has.Some.Contain($"does not match the hostname {daemon.OtherAddress}"));
        Assert.That(refused.Message, Does.Contain("does not match the hostname"), "the cause is in the message too");
    }

    [Test]
    public void A_server_certificate_from_a_ca_the_client_does_not_trust_is_refused()
    {
        var daemon = Fleet.Daemon;

        var refused = TransportConnections.Refused<LibvirtAuthenticationException>(
            () => LibvirtConnection.Open($"qemu+tls://{daemon.Address}/system?pkipath={daemon.Fleet.RoguePkiPath}"));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.ServerCertificateNotTrusted), refused.Message);
        Assert.That(refused.LoggedDetails, Has.Some.Contain("known issuer"));
    }

    [Test]
    public void No_client_certificate_is_refused_by_the_server()
    {
        using var cleanup = new Cleanup();
        var daemon = Fleet.Daemon;
        var pki = cleanup.TempDirectory();
        File.Copy(daemon.Fleet.CaCertificate, Path.Combine(pki, "cacert.pem"));

        var refused = TransportConnections.Refused<LibvirtConnectionFailedException>(
            () => LibvirtConnection.Open($"qemu+tls://{daemon.Address}/system?pkipath={pki}"));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.ClientCertificateRejected), refused.Message);
    }

    [Test]
    public void A_client_certificate_from_a_ca_the_server_does_not_trust_is_refused_by_the_server()
    {
        // The client trusts both CAs (so its own certificate passes its own check) and presents the foreign one.
        using var cleanup = new Cleanup();
        var daemon = Fleet.Daemon;
        var pki = cleanup.TempDirectory();
        File.WriteAllText(
            Path.Combine(pki, "cacert.pem"),
            File.ReadAllText(daemon.Fleet.CaCertificate) + File.ReadAllText(Path.Combine(daemon.Fleet.RoguePkiPath, "cacert.pem")));
        File.Copy(Path.Combine(daemon.Fleet.RoguePkiPath, "clientcert.pem"), Path.Combine(pki, "clientcert.pem"));
        File.Copy(Path.Combine(daemon.Fleet.RoguePkiPath, "clientkey.pem"), Path.Combine(pki, "clientkey.pem"));

        var refused = TransportConnections.Refused<LibvirtConnectionFailedException>(
            () => LibvirtConnection.Open($"qemu+tls://{daemon.Address}/system?pkipath={pki}"));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.ClientCertificateRejected), refused.Message);
    }

    [Test]
    public void A_client_certificate_its_own_ca_file_does_not_vouch_for_is_refused_before_connecting()
    {
        using var cleanup = new Cleanup();
        var daemon = Fleet.Daemon;
        var pki = cleanup.TempDirectory();
        File.Copy(daemon.Fleet.CaCertificate, Path.Combine(pki, "cacert.pem"));
        File.Copy(Path.Combine(daemon.Fleet.RoguePkiPath, "clientcert.pem"), Path.Combine(pki, "clientcert.pem"));
        File.Copy(Path.Combine(daemon.Fleet.RoguePkiPath, "clientkey.pem"), Path.Combine(pki, "clientkey.pem"));

        var refused = TransportConnections.Refused<LibvirtConnectionFailedException>(
            () => LibvirtConnection.Open($"qemu+tls://{daemon.Address}/system?pkipath={pki}"));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.ClientCredentialsUnusable), refused.Message);
        Assert.That(refused.LibvirtMessage, Does.Contain("Our own certificate"));
    }

    [Test]
    public void A_pkipath_without_a_ca_certificate_is_refused_before_connecting()
    {
        using var cleanup = new Cleanup();
        var daemon = Fleet.Daemon;
        var empty = cleanup.TempDirectory();

        var refused = TransportConnections.Refused<LibvirtConnectionFailedException>(
            () => LibvirtConnection.Open($"qemu+tls://{daemon.Address}/system?pkipath={empty}"));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.ClientCredentialsUnusable), refused.Message);
        Assert.That(refused.LibvirtMessage, Does.Contain(Path.Combine(empty, "cacert.pem")));
    }
}
