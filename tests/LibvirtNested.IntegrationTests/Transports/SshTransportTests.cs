using NUnit.Framework;

namespace LibvirtNested.IntegrationTests.Transports;

/// <summary>
/// <c>qemu+ssh://</c> (libvirt runs OpenSSH's ssh) and <c>qemu+libssh://</c> (libvirt's built-in client) against an
/// sshd in the daemon's namespaces: a key pair opens without a prompt; an unknown host key and a refused key fail typed,
/// within a minute, never waiting for input.
/// </summary>
public class SshTransportTests
{
    [Test]
    public void Ssh_with_a_key_and_no_tty_opens_the_daemon()
    {
        var daemon = Fleet.Daemon;

        using var connection = TransportConnections.WithinAMinute(() => LibvirtConnection.Open(daemon.SshUri));

        Assert.That(connection.DriverType, Is.EqualTo("QEMU"));
        Assert.That(connection.Uri.Scheme, Is.EqualTo("qemu+ssh"));
    }

    [Test]
    public void Ssh_to_an_unknown_host_key_is_refused_without_a_prompt()
    {
        var daemon = Fleet.Daemon;
        var uri = $"qemu+ssh://root@{daemon.Address}:{daemon.SshPort}/system?keyfile={daemon.Fleet.SshKeyFile}&no_tty=1&command={daemon.Fleet.SshCommandWithoutKnownHosts}";

        var refused = TransportConnections.Refused<LibvirtConnectionFailedException>(() => LibvirtConnection.Open(uri));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.HostKeyNotTrusted), refused.Message);
        Assert.That(refused.LibvirtMessage, Does.Contain("Host key verification failed"), "ssh's own stderr ends up in libvirt's error");
    }

    [Test]
    public void Ssh_with_a_key_the_server_does_not_accept_is_refused()
    {
        var daemon = Fleet.Daemon;
        var uri = $"qemu+ssh://root@{daemon.Address}:{daemon.SshPort}/system?keyfile={daemon.Fleet.RefusedSshKeyFile}&no_tty=1&command={daemon.Fleet.SshCommand}";

        var refused = TransportConnections.Refused<LibvirtConnectionFailedException>(() => LibvirtConnection.Open(uri));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.CredentialsRejected), refused.Message);
        Assert.That(refused.LibvirtMessage, Does.Contain("Permission denied (publickey)"));
    }

    [Test]
    public void Libssh_with_a_key_and_known_hosts_opens_the_daemon()
    {
        var daemon = Fleet.Daemon;

        using var connection = TransportConnections.WithinAMinute(() => LibvirtConnection.Open(daemon.LibsshUri));

        Assert.That(connection.Uri.Scheme, Is.EqualTo("qemu+libssh"));
        Assert.That(connection.ListDomains(), Is.Not.Null);
    }

    [Test]
    public void Libssh_to_an_unknown_host_key_is_refused_without_a_callback()
    {
        var daemon = Fleet.Daemon;
        var uri = $"qemu+libssh://root@{daemon.Address}:{daemon.SshPort}/system?keyfile={daemon.Fleet.SshKeyFile}&known_hosts={daemon.Fleet.EmptyKnownHostsFile}&sshauth=privkey";

        var refused = TransportConnections.Refused<LibvirtConnectionFailedException>(() => LibvirtConnection.Open(uri));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.HostKeyNotTrusted), refused.Message);
    }

    [Test]
    public void Libssh_asks_the_credential_callback_about_an_unknown_host_key_and_a_no_refuses_it()
    {
        var daemon = Fleet.Daemon;
        var uri = $"qemu+libssh://root@{daemon.Address}:{daemon.SshPort}/system?keyfile={daemon.Fleet.SshKeyFile}&known_hosts={daemon.Fleet.EmptyKnownHostsFile}&sshauth=privkey";
        var prompts = new List<string?>();

        var refused = TransportConnections.Refused<LibvirtConnectionFailedException>(() => LibvirtConnection.OpenAuthenticated(uri, credentials =>
        {
            foreach (var credential in credentials)
            {
                prompts.Add(credential.Prompt);
                credential.Result = "n";
            }

            return true;
        }));

        Assert.That(prompts, Has.One.Contain("Accept SSH host key"), "the question went to the callback, not to a terminal");
        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.HostKeyNotTrusted), refused.Message);
        Assert.That(File.ReadAllText(daemon.Fleet.EmptyKnownHostsFile), Is.Empty, "nothing was added to known_hosts");
    }

    [Test]
    public void Libssh_with_a_key_the_server_does_not_accept_is_refused()
    {
        var daemon = Fleet.Daemon;
        var uri = $"qemu+libssh://root@{daemon.Address}:{daemon.SshPort}/system?keyfile={daemon.Fleet.RefusedSshKeyFile}&known_hosts={daemon.Fleet.KnownHostsFile}&sshauth=privkey";

        var refused = TransportConnections.Refused<LibvirtConnectionFailedException>(() => LibvirtConnection.Open(uri));

        Assert.That(refused.Cause, Is.EqualTo(LibvirtConnectionFailureCause.CredentialsRejected), refused.Message);
    }
}
