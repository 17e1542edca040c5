using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Interop;

/// <summary>
/// The causes of failed remote opens, from the errors and log lines libvirt 9.0 produced against the fleet's daemons
/// (tests/LibvirtNested.IntegrationTests/Transports prove each one end to end).
/// </summary>
public class ConnectionFailureClassifierTests
{
    private static readonly object[] Observed =
    [
        new object[] { 45, 7, "authentication failed: authentication failed", Array.Empty<string>(), LibvirtConnectionFailureCause.CredentialsRejected },
        new object[] { 45, 7, "authentication failed: Failed to verify peer's certificate", new[] { "Certificate check failed Certificate [session] owner does not match the hostname 10.213.53.102" }, LibvirtConnectionFailureCause.ServerNameMismatch },
        new object[] { 45, 7, "authentication failed: Failed to verify peer's certificate", new[] { "Certificate failed validation: The certificate hasn't got a known issuer." }, LibvirtConnectionFailureCause.ServerCertificateNotTrusted },
        new object[] { 45, 7, "authentication failed: Failed to verify peer's certificate", Array.Empty<string>(), LibvirtConnectionFailureCause.ServerCertificateRejected },
        new object[] { 38, 7, "Unable to read TLS confirmation: Input/output error", Array.Empty<string>(), LibvirtConnectionFailureCause.ClientCertificateRejected },
        new object[] { 38, 7, "Our own certificate /p/clientcert.pem failed validation against /p/cacert.pem: The certificate hasn't got a known issuer.", Array.Empty<string>(), LibvirtConnectionFailureCause.ClientCredentialsUnusable },
        new object[] { 38, 7, "Cannot read CA certificate '/nonexistent/cacert.pem': No such file or directory", Array.Empty<string>(), LibvirtConnectionFailureCause.ClientCredentialsUnusable },
        new object[] { 38, 7, "Cannot recv data: Host key verification failed.: Connection reset by peer", Array.Empty<string>(), LibvirtConnectionFailureCause.HostKeyNotTrusted },
        new object[] { 38, 7, "Cannot recv data: root@10.213.53.2: Permission denied (publickey).: Connection reset by peer", Array.Empty<string>(), LibvirtConnectionFailureCause.CredentialsRejected },
        new object[] { 98, 66, "libssh transport error: SSH host key for '10.213.53.2' (a4:8b) was not accepted", Array.Empty<string>(), LibvirtConnectionFailureCause.HostKeyNotTrusted },
        new object[] { 98, 66, "libssh transport error: No user interaction callback provided: Can't verify the session host key", Array.Empty<string>(), LibvirtConnectionFailureCause.HostKeyNotTrusted },
        new object[] { 98, 66, "libssh transport error: failed to authenticate: Access denied for 'publickey'. Authentication that can continue: publickey", Array.Empty<string>(), LibvirtConnectionFailureCause.CredentialsRejected },
        new object[] { 45, 66, "authentication failed: error while reading private key '/tmp/nonexist'", Array.Empty<string>(), LibvirtConnectionFailureCause.ClientCredentialsUnusable },
        new object[] { 38, 7, "unable to connect to server at '10.213.53.77:16514': No route to host", Array.Empty<string>(), LibvirtConnectionFailureCause.Unreachable },
        new object[] { 38, 7, "Failed to connect socket to '/run/libvirt/libvirt-sock': No such file or directory", Array.Empty<string>(), LibvirtConnectionFailureCause.Unknown },
        new object[] { 42, 10, "Domain not found: no domain with matching name 'x'", Array.Empty<string>(), LibvirtConnectionFailureCause.Unknown },
    ];

    [TestCaseSource(nameof(Observed))]
    public void Each_observed_failure_gets_its_cause(int code, int domain, string message, string[] logged, LibvirtConnectionFailureCause expected)
    {
        var info = new LibvirtErrorInfo(code, domain, 2, message) { Logged = logged };

        Assert.That(ConnectionFailureClassifier.Classify(info), Is.EqualTo(expected));
    }

    [Test]
    public void The_mapped_exceptions_carry_the_cause_and_the_logged_details_in_their_message()
    {
        var info = new LibvirtErrorInfo(45, 7, 2, "authentication failed: Failed to verify peer's certificate")
        {
            Logged = ["Certificate check failed Certificate [session] owner does not match the hostname 10.0.0.9"],
        };

        var exception = LibvirtError.Map(info, "virConnectOpen", opening: true);

        Assert.That(exception, Is.TypeOf<LibvirtAuthenticationException>());
        Assert.That(((LibvirtAuthenticationException)exception).Cause, Is.EqualTo(LibvirtConnectionFailureCause.ServerNameMismatch));
        Assert.That(exception.LoggedDetails, Is.EqualTo(info.Logged));
        Assert.That(exception.Message, Does.Contain("[libvirt logged: Certificate check failed Certificate [session] owner does not match the hostname 10.0.0.9]"));
        Assert.That(exception.LibvirtMessage, Is.EqualTo(info.Message), "libvirt's own text stays as it was");
    }

    [Test]
    public void Exceptions_made_without_a_libvirt_error_have_an_unknown_cause()
    {
        Assert.That(new LibvirtConnectionFailedException("no").Cause, Is.EqualTo(LibvirtConnectionFailureCause.Unknown));
        Assert.That(new LibvirtAuthenticationException("no").Cause, Is.EqualTo(LibvirtConnectionFailureCause.Unknown));
        Assert.That(new LibvirtException("no").LoggedDetails, Is.Empty);
    }

    [Test]
    public void A_tls_open_without_a_ca_certificate_fails_before_connecting_with_its_cause()
    {
        // Refused by the client before any packet: safe without a daemon.
        var folder = Directory.CreateTempSubdirectory("lvn-pki-").FullName;
        try
        {
            var refused = Assert.Throws<LibvirtConnectionFailedException>(() => LibvirtConnection.Open($"qemu+tls://127.0.0.1:1/system?pkipath={folder}"));

            Assert.That(refused!.Cause, Is.EqualTo(LibvirtConnectionFailureCause.ClientCredentialsUnusable), refused.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Test]
    public void A_tcp_open_to_a_closed_loopback_port_is_unreachable()
    {
        var refused = Assert.Throws<LibvirtConnectionFailedException>(() => LibvirtConnection.Open("qemu+tcp://127.0.0.1:1/system"));

        Assert.That(refused!.Cause, Is.EqualTo(LibvirtConnectionFailureCause.Unreachable), refused.Message);
    }
}
