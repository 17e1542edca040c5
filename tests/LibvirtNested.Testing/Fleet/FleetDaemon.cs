using System.Globalization;

namespace LibvirtNested.Testing.Fleet;

/// <summary>
/// One libvirtd of a <see cref="LibvirtFleet"/>: its network namespace, its addresses and the URIs that reach it
/// from the root namespace, by unix socket, TCP (SASL), TLS and SSH.
/// </summary>
public sealed class FleetDaemon
{
    internal FleetDaemon(LibvirtFleet fleet, int number, string address, string otherAddress)
    {
        Fleet = fleet;
        Number = number;
        Address = address;
        OtherAddress = otherAddress;
    }

    /// <summary>The fleet this daemon belongs to.</summary>
    public LibvirtFleet Fleet { get; }

    /// <summary>1-based number; the network namespace is <c>{prefix}-{Number}</c>.</summary>
    public int Number { get; }

    /// <summary>The network namespace the daemon (and its sshd, guests, networks) runs in.</summary>
    public string NetworkNamespace => $"{Fleet.Prefix}-{Number}";

    /// <summary>The namespace's address on the fleet's bridge, named by the daemon's TLS certificate.</summary>
    public string Address { get; }

    /// <summary>A second address of the same namespace that the TLS certificate does NOT name (wrong-host tests).</summary>
    public string OtherAddress { get; }

    /// <summary>The daemon's folder (its /run/libvirt, /etc/libvirt, logs … are bind-mounted from here).</summary>
    public string Home => Path.Combine(Fleet.StateDirectory, Number.ToString(CultureInfo.InvariantCulture));

    /// <summary>The daemon's read-write unix socket, seen from the root namespace.</summary>
    public string SocketPath => Path.Combine(Home, "run", "libvirt-sock");

    /// <summary>The daemon's libvirtd.log (its own /var/log/libvirt).</summary>
    public string LogPath => Path.Combine(Home, "log", "libvirtd.log");

    /// <summary>The live daemon's pid (from its pid file), or null when it does not run.</summary>
    public int? Pid => ReadPid(Path.Combine(Home, "libvirtd.pid"));

    /// <summary><c>qemu+unix:///system?socket=…</c>: no authentication (root only), no network.</summary>
    public string UnixUri => $"qemu+unix:///system?socket={SocketPath}";

    /// <summary><c>qemu+tcp://address/system</c>: SASL (DIGEST-MD5) with <see cref="LibvirtFleet.SaslUser"/> and <see cref="LibvirtFleet.SaslPassword"/>.</summary>
    public string TcpUri => $"qemu+tcp://{Address}/system";

    /// <summary><c>qemu+tls://address/system?pkipath=…</c> with the fleet's CA-signed client certificate.</summary>
    public string TlsUri => $"qemu+tls://{Address}/system?pkipath={Fleet.ClientPkiPath}";

    /// <summary>
    /// <c>qemu+ssh://root@address:2222/system?keyfile=…&amp;no_tty=1&amp;command=…</c>: libvirt runs ssh (BatchMode, no
    /// prompt) with the fleet's key and, through <see cref="LibvirtFleet.SshCommand"/>, its known_hosts.
    /// </summary>
    public string SshUri => $"qemu+ssh://root@{Address}:{SshPort}/system?keyfile={Fleet.SshKeyFile}&no_tty=1&command={Fleet.SshCommand}";

    /// <summary><c>qemu+libssh://root@address:2222/system?keyfile=…&amp;known_hosts=…&amp;sshauth=privkey</c>: libvirt's built-in ssh client, no ssh process.</summary>
    public string LibsshUri => $"qemu+libssh://root@{Address}:{SshPort}/system?keyfile={Fleet.SshKeyFile}&known_hosts={Fleet.KnownHostsFile}&sshauth=privkey";

    /// <summary>The port the namespace's sshd listens on.</summary>
    public int SshPort => LibvirtFleet.SshPort;

    private static int? ReadPid(string file)
    {
        try
        {
            return int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && LibvirtFleet.IsRunning(pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{NetworkNamespace} ({Address})";
}
