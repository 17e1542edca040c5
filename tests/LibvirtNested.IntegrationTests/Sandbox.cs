using System.Diagnostics;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>
/// Drives scripts/libvirtd-sandbox.sh (<c>stop</c>, <c>start</c>) with this process's environment, so it acts on
/// the same namespace, pid file and name prefix as the harness that started the daemon.
/// </summary>
internal static class Sandbox
{
    private static string Script => Path.Combine(RepositoryPaths.Root, "scripts", "libvirtd-sandbox.sh");

    private static string PidFile =>
        Path.Combine(Environment.GetEnvironmentVariable("LV_STATE") ?? "/tmp/lvnested", "libvirtd.pid");

    /// <summary>
    /// The pid of the daemon the sandbox started, or null when the daemon that answers is someone else's (the tests
    /// must never stop a daemon they did not start).
    /// </summary>
    public static int? DaemonPid =>
        File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid) && Directory.Exists($"/proc/{pid}") ? pid : null;

    public static TimeSpan Stop() => Run("stop");

    public static TimeSpan Start() => Run("start");

    /// <summary>Starts the daemon again after <see cref="Kill"/>, keeping guests and definitions (<c>libvirtd-sandbox.sh restart</c>).</summary>
    public static TimeSpan Restart() => Run("restart");

    /// <summary>
    /// Kills the sandbox's daemon with SIGKILL, as a crash would (its clients read end-of-file at once; qemu guests
    /// keep running), and returns once it is dead. Only the pid from the sandbox's pid file is signalled.
    /// </summary>
    /// <returns>The pid that was killed.</returns>
    public static int Kill()
    {
        var pid = DaemonPid ?? throw new InvalidOperationException("No daemon started by the sandbox runs (no live pid file).");
        Signal(pid, "KILL");
        var clock = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"libvirtd {pid} did not die within 30 s of SIGKILL.");
            }

            Thread.Sleep(20);
        }

        return pid;
    }

    /// <summary>Stops the sandbox's daemon with SIGSTOP: it keeps its sockets but answers nothing, as a hung host would.</summary>
    /// <returns>The pid, for <see cref="Thaw"/>.</returns>
    public static int Freeze()
    {
        var pid = DaemonPid ?? throw new InvalidOperationException("No daemon started by the sandbox runs (no live pid file).");
        Signal(pid, "STOP");
        return pid;
    }

    /// <summary>Lets a frozen daemon run again (SIGCONT).</summary>
    public static void Thaw(int pid) => Signal(pid, "CONT");

    /// <summary>Alive and not a zombie (a killed daemon stays a zombie until its parent, pid 1 here, reaps it).</summary>
    private static bool IsRunning(int pid)
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

    private static void Signal(int pid, string signal) => Cleanup.Run("kill", "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static TimeSpan Run(string command)
    {
        var clock = Stopwatch.StartNew();
        var output = Cleanup.Run("bash", Script, command);
        if (output.Length > 0)
        {
            TestContext.Out.WriteLine(output);
        }

        return clock.Elapsed;
    }
}
