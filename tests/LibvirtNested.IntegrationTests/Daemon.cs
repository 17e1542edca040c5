using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>
/// The real libvirtd that scripts/test.sh starts in its own network namespace (scripts/libvirtd-sandbox.sh).
/// Without one, tests skip and say why; on CI (<c>CI=true</c>) they fail instead, so a broken harness is never
/// mistaken for a green run.
/// </summary>
internal static class Daemon
{
    public const string UriVariable = "LIBVIRTNESTED_INTEGRATION_URI";

    /// <summary>Every domain, network and pool the tests create starts with this, so the harness can sweep leftovers.</summary>
    public const string Prefix = "lvn-it-";

    public static string? Uri => Environment.GetEnvironmentVariable(UriVariable) is { Length: > 0 } uri ? uri : null;

    /// <summary>Opens a connection to the daemon, or skips (fails on CI) with the reason there is none.</summary>
    public static LibvirtConnection Connect()
    {
        var uri = Uri;
        if (uri is null)
        {
            var started = Environment.GetEnvironmentVariable("LIBVIRTNESTED_DAEMON_STARTED");
            Unavailable(started == "no"
                ? $"scripts/test.sh could not start libvirtd (not root, LIBVIRTNESTED_NO_DAEMON=1, or lv_start failed), so {UriVariable} is unset."
                : $"{UriVariable} is unset; run scripts/test.sh as root, or start scripts/libvirtd-sandbox.sh and set it to qemu:///system.");
        }

        if (Environment.UserName != "root" && !uri!.Contains("session", StringComparison.Ordinal))
        {
            Unavailable($"{uri} needs root here (no polkit); running as '{Environment.UserName}'.");
        }

        try
        {
            return LibvirtConnection.Open(uri!);
        }
        catch (LibvirtConnectionFailedException e)
        {
            Unavailable($"No libvirtd answers on {uri}: {e.Message}");
            throw;
        }
    }

    /// <summary>Does this machine give the daemon KVM (<c>/dev/kvm</c>)? Machines of this kind come with and without it.</summary>
    public static bool HasKvm => File.Exists("/dev/kvm");

    /// <summary>The domain type for tests that only define and read back: <c>kvm</c> where KVM exists, else <c>qemu</c> (TCG).</summary>
    public static string GuestType => HasKvm ? "kvm" : "qemu";

    /// <summary>Skips a test that must start or inspect a KVM guest on a machine without <c>/dev/kvm</c>, even on CI: no harness can make KVM.</summary>
    public static void RequireKvm()
    {
        if (!HasKvm)
        {
            Assert.Ignore("This machine has no /dev/kvm, so the daemon offers no kvm guests; the test needs KVM itself (TCG variants run elsewhere).");
        }
    }

    /// <summary>A unique name with the test prefix; short enough for libvirt and for interface names derived from it.</summary>
    public static string UniqueName(string what) => $"{Prefix}{what}-{Guid.NewGuid():N}"[..(Prefix.Length + what.Length + 9)];

    private static void Unavailable(string reason)
    {
        if (RepositoryPaths.IsCi)
        {
            Assert.Fail($"Integration tests must run on CI, but: {reason}");
        }

        Assert.Ignore(reason);
    }
}
