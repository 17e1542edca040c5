using System.Diagnostics;
using System.Globalization;

namespace LibvirtNested.Testing.Fleet;

/// <summary>
/// N real libvirtd daemons started by scripts/libvirtd-fleet.sh, each in its own network namespace
/// (<c>{prefix}-N</c>) and private mount namespace, reachable from this (root-namespace) process by unix socket,
/// <c>qemu+tcp://</c> with SASL, <c>qemu+tls://</c> and <c>qemu+ssh://</c>. <see cref="Dispose"/> (and, as a last
/// resort, process exit) stops them all: guests, networks, daemons and sshd by pid, namespaces, veths, bridge.
/// </summary>
/// <remarks>
/// Needs root and the fleet's packages (<c>bash scripts/libvirtd-fleet.sh install</c>); <see cref="UnavailableReason"/>
/// says why a fleet cannot start here. The daemons never touch the default daemon's /run/libvirt.
/// </remarks>
public sealed class LibvirtFleet : IDisposable
{
    /// <summary>The sshd port in every namespace.</summary>
    public const int SshPort = 2222;

    private readonly Dictionary<string, string> environment;
    private bool disposed;

    private LibvirtFleet(LibvirtFleetOptions options, int count)
    {
        Prefix = options.Prefix;
        StateDirectory = $"/tmp/{Prefix}";
        environment = new()
        {
            ["LV_FLEET_PREFIX"] = Prefix,
            ["LV_FLEET_STATE"] = StateDirectory,
            ["LV_FLEET_TRANSPORTS"] = string.Join(' ', options.Transports),
        };
        Count = count;
    }

    /// <summary>The scripts/libvirtd-fleet.sh of this repository.</summary>
    public static string Script => Path.Combine(RepositoryPaths.Root, "scripts", "libvirtd-fleet.sh");

    /// <summary>Why no fleet can start on this machine (not root, no libvirtd, no certtool/sshd/saslpasswd2), or null.</summary>
    public static string? UnavailableReason
    {
        get
        {
            if (Environment.UserName != "root")
            {
                return $"the fleet needs root (network and mount namespaces); running as '{Environment.UserName}'.";
            }

            if (Environment.GetEnvironmentVariable("LIBVIRTNESTED_NO_DAEMON") == "1")
            {
                return "LIBVIRTNESTED_NO_DAEMON=1 forbids starting daemons.";
            }

            string[] tools = ["/usr/sbin/libvirtd", "/usr/bin/certtool", "/usr/sbin/saslpasswd2", "/usr/sbin/sshd", "/usr/bin/virsh"];
            var missing = tools.Where(tool => !File.Exists(tool)).ToList();
            return missing.Count == 0 ? null : $"missing {string.Join(", ", missing)}; run: bash scripts/libvirtd-fleet.sh install";
        }
    }

    /// <summary>The namespace prefix.</summary>
    public string Prefix { get; }

    /// <summary>The fleet's state folder (<c>/tmp/{prefix}</c>): credentials and one folder per daemon.</summary>
    public string StateDirectory { get; }

    /// <summary>How many daemons run.</summary>
    public int Count { get; }

    /// <summary>The daemons, numbered from 1.</summary>
    public IReadOnlyList<FleetDaemon> Daemons { get; private set; } = [];

    /// <summary>How long <see cref="Start"/> took (script: credentials, namespaces, daemons answering a qemu call).</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>The SASL user in every daemon's passwd.db.</summary>
    public string SaslUser => File.ReadAllText(Path.Combine(StateDirectory, "sasl-user"));

    /// <summary>The SASL password of <see cref="SaslUser"/>.</summary>
    public string SaslPassword => File.ReadAllText(Path.Combine(StateDirectory, "sasl-password")).Trim();

    /// <summary>A <c>pkipath</c> folder with the CA certificate and a client certificate/key the CA signed.</summary>
    public string ClientPkiPath => Path.Combine(StateDirectory, "pki", "client");

    /// <summary>The fleet CA's certificate (<c>cacert.pem</c>).</summary>
    public string CaCertificate => Path.Combine(StateDirectory, "pki", "cacert.pem");

    /// <summary>A complete foreign PKI as a <c>pkipath</c> folder: another CA (<c>cacert.pem</c>) and a client certificate and key it signed.</summary>
    public string RoguePkiPath => Path.Combine(StateDirectory, "pki", "rogue");

    /// <summary>For <c>command=</c> of <c>qemu+ssh://</c>: ssh with <see cref="KnownHostsFile"/> as its only known hosts (strict checking).</summary>
    public string SshCommand => Path.Combine(StateDirectory, "ssh", "ssh");

    /// <summary>For <c>command=</c> of <c>qemu+ssh://</c>: ssh with an empty known_hosts, so every host key is unknown.</summary>
    public string SshCommandWithoutKnownHosts => Path.Combine(StateDirectory, "ssh", "ssh-unknown-hosts");

    /// <summary>An empty known_hosts file (for <c>known_hosts=</c> of <c>qemu+libssh://</c>).</summary>
    public string EmptyKnownHostsFile => Path.Combine(StateDirectory, "ssh", "known_hosts.empty");

    /// <summary>The private key whose public half is in every sshd's authorized_keys.</summary>
    public string SshKeyFile => Path.Combine(StateDirectory, "ssh", "id_ed25519");

    /// <summary>A private key no sshd accepts.</summary>
    public string RefusedSshKeyFile => Path.Combine(StateDirectory, "ssh", "refused_ed25519");

    /// <summary>A known_hosts file with every daemon's ssh host key at <c>[address]:2222</c>.</summary>
    public string KnownHostsFile => Path.Combine(StateDirectory, "ssh", "known_hosts");

    /// <summary>
    /// Starts <paramref name="count"/> daemons (first sweeping a fleet with the same prefix that a killed run left
    /// behind) and returns once each answers a qemu call.
    /// </summary>
    /// <exception cref="InvalidOperationException">The script failed; the message holds its output.</exception>
    public static LibvirtFleet Start(int count, LibvirtFleetOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        options ??= new LibvirtFleetOptions();
        var fleet = new LibvirtFleet(options, count);
        fleet.Run(TimeSpan.FromMinutes(2), "stop");
        var clock = Stopwatch.StartNew();
        try
        {
            fleet.Run(options.StartTimeout, "start", count.ToString(CultureInfo.InvariantCulture));
        }
        catch
        {
            fleet.Run(TimeSpan.FromMinutes(2), "stop");
            throw;
        }

        fleet.StartTime = clock.Elapsed;
        fleet.Daemons = [.. Enumerable.Range(1, count).Select(fleet.Describe)];
        AppDomain.CurrentDomain.ProcessExit += fleet.OnProcessExit;
        return fleet;
    }

    /// <summary>Kills daemon <paramref name="number"/> with SIGKILL (a crash; guests keep running) and returns its pid once it is dead.</summary>
    public int Kill(int number) => int.Parse(Run(TimeSpan.FromMinutes(1), "kill", Number(number)).Trim(), CultureInfo.InvariantCulture);

    /// <summary>Starts daemon <paramref name="number"/> again after <see cref="Kill"/>, keeping guests and definitions.</summary>
    public void Restart(int number) => Run(TimeSpan.FromMinutes(2), "restart", Number(number));

    /// <summary>Stops every daemon and removes namespaces, veths, the bridge and the state folder.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Run(TimeSpan.FromMinutes(3), "stop");
    }

    /// <summary>Alive and not a zombie (a killed daemon stays a zombie until pid 1 reaps it).</summary>
    internal static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private string Number(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, Count);
        return number.ToString(CultureInfo.InvariantCulture);
    }

    private FleetDaemon Describe(int number)
    {
        var address = File.ReadAllText(Path.Combine(StateDirectory, number.ToString(CultureInfo.InvariantCulture), "address")).Trim();
        var lastDot = address.LastIndexOf('.');
        var subnet = address[..lastDot];
        var other = $"{subnet}.{number + 101}";
        return new FleetDaemon(this, number, address, other);
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private string Run(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"libvirtd-fleet.sh {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s: {error.Result.Trim()}");
        }

        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"libvirtd-fleet.sh {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result.Trim()} {output.Result.Trim()}");
    }
}
