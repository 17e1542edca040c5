using System.Diagnostics;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

/// <summary>A file-backed loop device (<c>losetup -f --show</c>) for tests; dispose unmounts, swaps off and detaches it, and
/// deletes its backing file and mount point, so no loop device or mount is left behind.</summary>
internal sealed class LoopDevice : IDisposable
{
    private readonly TemporaryTree folder;
    private readonly List<string> mounts = [];
    private readonly List<string> swaps = [];

    private LoopDevice(TemporaryTree folder, string device)
    {
        this.folder = folder;
        Device = device;
    }

    public string Device { get; }

    public string Folder => folder.Path;

    /// <summary>Creates the device, or skips the test (fails it on CI) when that is impossible here.</summary>
    public static LoopDevice Create(long bytes = 32 * 1024 * 1024, string? mbrPartitionType = null)
    {
        if (Environment.UserName != "root")
        {
            Unavailable("loop devices need root; running as " + Environment.UserName);
        }

        var folder = TemporaryTree.Empty();
        try
        {
            var image = folder.Combine("disk.img");
            using (var stream = new FileStream(image, FileMode.CreateNew))
            {
                stream.SetLength(bytes);
                if (mbrPartitionType is not null)
                {
                    WritePartitionTable(stream, bytes);
                }
            }

            var (code, output, error) = Run("losetup", mbrPartitionType is null ? ["-f", "--show", image] : ["-f", "--show", "-P", image]);
            if (code != 0)
            {
                Unavailable($"losetup failed ({code}): {error}");
            }

            return new LoopDevice(folder, output.Trim());
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public void FormatExt4() => Must("mkfs.ext4", "-q", "-F", Device);

    public string Mount(string? device = null)
    {
        var point = Directory.CreateDirectory(folder.Combine("mnt-" + mounts.Count)).FullName;
        Must("mount", device ?? Device, point);
        mounts.Add(point);
        return point;
    }

    public void Unmount(string point)
    {
        Must("umount", point);
        mounts.Remove(point);
    }

    public void SwapOn()
    {
        Must("mkswap", "-q", Device);
        var (code, _, error) = Run("swapon", Device);
        if (code != 0)
        {
            Unavailable("swapon failed: " + error);
        }

        swaps.Add(Device);
    }

    public void SwapOff()
    {
        Must("swapoff", Device);
        swaps.Remove(Device);
    }

    public void Dispose()
    {
        foreach (var point in mounts.ToList())
        {
            Run("umount", point);
        }

        foreach (var swap in swaps.ToList())
        {
            Run("swapoff", swap);
        }

        Run("losetup", "-d", Device);
        folder.Dispose();
    }

    private static void WritePartitionTable(FileStream stream, long bytes)
    {
        var sector = new byte[512];
        var entry = sector.AsSpan(0x1BE);
        entry[4] = 0x83;
        BitConverter.TryWriteBytes(entry[8..], 2048u);
        BitConverter.TryWriteBytes(entry[12..], (uint)(bytes / 512) - 2048u);
        sector[510] = 0x55;
        sector[511] = 0xAA;
        stream.Position = 0;
        stream.Write(sector);
    }

    private static void Must(string program, params string[] arguments)
    {
        var (code, output, error) = Run(program, arguments);
        Assert.That(code, Is.Zero, $"{program} {string.Join(' ', arguments)}: {output}{error}");
    }

    private static void Unavailable(string reason)
    {
        if (RepositoryPaths.IsCi)
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
    }

    internal static (int Code, string Output, string Error) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result, error);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, string.Empty, exception.Message);
        }
    }
}
