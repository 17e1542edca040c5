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
