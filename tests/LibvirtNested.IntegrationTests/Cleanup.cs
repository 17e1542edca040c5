using System.Diagnostics;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>
/// Undoes what a test created, newest first, even when the test failed half-way: each step runs, and a step that
/// fails is reported to the test output instead of hiding the test's own failure.
/// </summary>
internal sealed class Cleanup : IDisposable
{
    private readonly Stack<(string What, Action Undo)> steps = new();

    public void Add(string what, Action undo) => steps.Push((what, undo));

    /// <summary>Destroys (when running) and undefines the domain, then releases the handle.</summary>
    public LibvirtDomain Track(LibvirtDomain domain)
    {
        var name = domain.Name;
        Add($"domain {name}", () =>
        {
            try
            {
                if (domain.IsActive)
                {
                    domain.Destroy();
                }

                if (domain.IsPersistent)
                {
                    domain.Undefine();
                }
            }
            catch (LibvirtNotFoundException)
            {
            }
            finally
            {
                domain.Dispose();
            }
        });
        return domain;
    }

    /// <summary>Destroys (when active) and undefines the network, then releases the handle.</summary>
    public LibvirtNetwork Track(LibvirtNetwork network)
    {
        var name = network.Name;
        Add($"network {name}", () =>
        {
            try
            {
                if (network.IsActive)
                {
                    network.Destroy();
                }

                if (network.IsPersistent)
                {
                    network.Undefine();
                }
            }
            catch (LibvirtNotFoundException)
            {
            }
            finally
            {
                network.Dispose();
            }
        });
        return network;
    }

    /// <summary>Stops (when active) and undefines the pool, then releases the handle.</summary>
    public LibvirtStoragePool Track(LibvirtStoragePool pool)
    {
        var name = pool.Name;
        Add($"pool {name}", () =>
        {
            try
            {
                if (pool.IsActive)
                {
                    pool.Destroy();
                }

                pool.Undefine();
            }
            catch (LibvirtNotFoundException)
            {
            }
            finally
            {
                pool.Dispose();
            }
        });
        return pool;
    }

    /// <summary>A new empty folder under the temp folder, deleted with everything in it.</summary>
    public string TempDirectory()
    {
        var path = Directory.CreateTempSubdirectory(Daemon.Prefix).FullName;
        Add($"folder {path}", () =>
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        });
        return path;
    }

    /// <summary>
    /// A real block device: a loop device (<c>losetup -f --show</c>) over a sparse temp file, detached and deleted
    /// afterwards.
    /// </summary>
    public string LoopDevice(long sizeBytes = 16 << 20)
    {
        var folder = TempDirectory();
        var image = Path.Combine(folder, "lun.img");
        using (var file = File.Create(image))
        {
            file.SetLength(sizeBytes);
        }

        var device = Run("losetup", "-f", "--show", image).Trim();
        Add($"loop device {device}", () => Run("losetup", "-d", device));
        Assert.That(device, Does.StartWith("/dev/loop"), "losetup printed no device");
        return device;
    }

    public void Dispose()
    {
        while (steps.TryPop(out var step))
        {
            try
            {
                step.Undo();
            }
            catch (Exception e) when (e is LibvirtException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                TestContext.Out.WriteLine($"cleanup of {step.What} failed: {e.Message}");
            }
        }
    }

    /// <summary>Runs a program and returns its standard output; a non-zero exit throws with its standard error.</summary>
    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result.Trim()}");
    }
}
