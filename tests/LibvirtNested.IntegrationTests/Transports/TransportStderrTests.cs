using System.Diagnostics;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests.Transports;

/// <summary>
/// Remote opens in a process of their own, stdin closed and stderr captured: whatever libvirt (its error printer, its
/// log output) or ssh would print goes to the library's exceptions instead, and nothing waits for input.
/// </summary>
[NonParallelizable]
public class TransportStderrTests
{
    private const string Program = """
        using LibvirtNested;

        [assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

        foreach (var line in File.ReadAllLines(args[0]))
        {
            var spec = line.Split('\t');
            try
            {
                using var connection = spec[0] == "auth"
                    ? LibvirtConnection.OpenAuthenticated(spec[1], spec[2], spec[3])
                    : LibvirtConnection.Open(spec[1]);
                Console.WriteLine($"opened {connection.DriverType}");
            }
            catch (LibvirtAuthenticationException e)
            {
                Console.WriteLine($"authentication {e.Cause}");
            }
            catch (LibvirtConnectionFailedException e)
            {
                Console.WriteLine($"failed {e.Cause}");
            }
        }
        """;

    private static readonly Lazy<string> Built = new(Build);

    [OneTimeTearDown]
    public void DeleteProgram()
    {
        if (Built.IsValueCreated)
        {
            Directory.Delete(Path.GetDirectoryName(Built.Value)!, recursive: true);
        }
    }

    [Test]
    public void Remote_opens_and_refusals_print_nothing_on_stderr_and_never_wait_for_input()
    {
        var daemon = Fleet.Daemon;
        var fleet = daemon.Fleet;
        string[] specs =
        [
            $"auth\t{daemon.TcpUri}\t{fleet.SaslUser}\t{fleet.SaslPassword}",
            $"auth\t{daemon.TcpUri}\t{fleet.SaslUser}\twrong",
            $"open\t{daemon.TlsUri}",
            $"open\tqemu+tls://{daemon.OtherAddress}/system?pkipath={fleet.ClientPkiPath}",
            $"open\tqemu+tls://{daemon.Address}/system?pkipath={fleet.RoguePkiPath}",
            $"open\t{daemon.SshUri}",
            $"open\tqemu+ssh://root@{daemon.Address}:{daemon.SshPort}/system?keyfile={fleet.SshKeyFile}&no_tty=1&command={fleet.SshCommandWithoutKnownHosts}",
            $"open\tqemu+ssh://root@{daemon.Address}:{daemon.SshPort}/system?keyfile={fleet.RefusedSshKeyFile}&no_tty=1&command={fleet.SshCommand}",
            $"auth\tqemu+libssh://root@{daemon.Address}:{daemon.SshPort}/system?keyfile={fleet.SshKeyFile}&known_hosts={fleet.EmptyKnownHostsFile}&sshauth=privkey\troot\tpassword",
        ];

        var (output, error) = Run(specs, logOutputs: null);

        Assert.That(error, Is.Empty, "nothing on stderr");
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "opened QEMU",
            "authentication CredentialsRejected",
            "opened QEMU",
            "authentication ServerNameMismatch",
            "authentication ServerCertificateNotTrusted",
            "opened QEMU",
            "failed HostKeyNotTrusted",
            "failed CredentialsRejected",
            "failed HostKeyNotTrusted",
        }));
    }

    [Test]
    public void Libvirt_logs_where_the_application_tells_it_to()
    {
        // The control: with LIBVIRT_LOG_OUTPUTS set by the user, libvirt prints the certificate warning on stderr as it
        // always did, so the empty stderr above is the library's doing, and a user's own logging setup is respected.
        var daemon = Fleet.Daemon;

        var (output, error) = Run([$"open\tqemu+tls://{daemon.OtherAddress}/system?pkipath={daemon.Fleet.ClientPkiPath}"], logOutputs: "3:stderr");

        Assert.That(error, Does.Contain("does not match the hostname"));
        Assert.That(output.Trim(), Is.EqualTo("authentication ServerCertificateRejected"), "the same exception, but the reason libvirt only logged is not in it");
    }

    private static (string Output, string Error) Run(string[] specs, string? logOutputs)
    {
        var program = Built.Value;
        var specFile = Path.Combine(Path.GetDirectoryName(program)!, $"specs-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(specFile, specs);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(program)!,
        };
        foreach (var argument in new[] { "run", "--no-build", "-c", "Release", program, "--", specFile })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("LIBVIRT_LOG_OUTPUTS");
        start.Environment.Remove("LIBVIRT_DEBUG");
        if (logOutputs is not null)
        {
            start.Environment["LIBVIRT_LOG_OUTPUTS"] = logOutputs;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();   // a prompt would read end-of-file, never a user's answer
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the opens did not finish within 3 minutes: {output.Result}");
        }

        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, error.Result);
        return (output.Result, error.Result);
    }

    private static string Build()
    {
        var folder = Directory.CreateTempSubdirectory("lvn-it-stderr-").FullName;
        var program = Path.Combine(folder, "opens.cs");
        var project = Path.Combine(RepositoryPaths.Root, "src", "LibvirtNested", "LibvirtNested.csproj");
        File.WriteAllText(program, $"#:project {project}\n#:property TreatWarningsAsErrors=true\n#:property Nullable=enable\n" + Program);
        var build = Cleanup.Run("dotnet", "build", "-c", "Release", program);
        TestContext.Out.WriteLine(build.Length > 2000 ? build[^2000..] : build);
        return program;
    }
}
