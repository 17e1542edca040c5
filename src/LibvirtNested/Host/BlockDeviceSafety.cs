using LibvirtNested.Host.Internal;

namespace LibvirtNested.Host;

/// <summary>Checks, before a disk or partition is handed to a guest (a <c>device='lun'</c> or block <c>&lt;disk&gt;</c>), that
/// the path is a block device (following links such as <c>/dev/disk/by-id/…</c>) and that neither it, nor any of its
/// partitions, nor any device stacked on it (holders: device-mapper, md, …) is mounted on this machine
/// (<c>/proc/self/mountinfo</c>) or used as swap (<c>/proc/swaps</c>). Relations come from sysfs
/// (<c>/sys/dev/block/&lt;major:minor&gt;</c>, <c>/sys/class/block/&lt;name&gt;/{dev,holders,&lt;partition&gt;/partition}</c>).</summary>
/// <remarks><see cref="EnsureSafe(string)"/> fits <c>Action&lt;string&gt;</c>, e.g.
/// <c>new LunDiskOptions { VerifyDevice = BlockDeviceSafety.EnsureSafe }</c>.</remarks>
public sealed class BlockDeviceSafety
{
    private const string ClassBlock = "/sys/class/block";
    private readonly HostRoot host;

    /// <summary>Creates a checker reading <c>/proc</c>, <c>/sys</c> and <c>/dev</c> under <paramref name="root"/>.</summary>
    /// <param name="root">The root directory: <c>/</c> for the running system, a fixture tree in tests.</param>
    /// <exception cref="ArgumentException"><paramref name="root"/> is null or empty.</exception>
    public BlockDeviceSafety(string root = "/")
    {
        host = new HostRoot(root);
    }

    /// <summary>Refuses a path that is not a block device, or whose device, partitions or holders are mounted or used as swap on
    /// the running system.</summary>
    /// <param name="path">A device path such as <c>/dev/sdb</c>, <c>/dev/sdb3</c> or <c>/dev/disk/by-id/…</c>.</param>
    /// <exception cref="NotABlockDeviceException">The path is missing or not a block device.</exception>
    /// <exception cref="BlockDeviceInUseException">The device (or a partition or holder) is mounted or used as swap; the message
    /// names the mount points and swap entries.</exception>
    /// <exception cref="BlockDeviceSafetyException">Whether it is in use cannot be told: <c>/proc/self/mountinfo</c> or
    /// <c>/proc/swaps</c> is missing, unreadable or not a regular file.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static void EnsureSafe(string path) => new BlockDeviceSafety().Ensure(path);

    /// <summary>Refuses a path that is not a block device, or whose device, partitions or holders are mounted or used as swap.</summary>
    /// <param name="path">A device path on the probed system.</param>
    /// <returns>The inspection, with no uses.</returns>
    /// <exception cref="NotABlockDeviceException">The path is missing or not a block device.</exception>
    /// <exception cref="BlockDeviceInUseException">The device is in use.</exception>
    /// <exception cref="BlockDeviceSafetyException">Whether it is in use cannot be told: <c>/proc/self/mountinfo</c> or
    /// <c>/proc/swaps</c> is missing, unreadable or not a regular file.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public BlockDeviceUsage Ensure(string path) => ThrowIfInUse(Inspect(path));

    /// <summary>Refuses a device given by its kernel name (as in <c>/sys/class/block</c>) when it, a partition or a holder is in use.</summary>
    /// <param name="kernelName">The kernel name, e.g. <c>sdb</c>.</param>
    /// <returns>The inspection, with no uses.</returns>
    /// <exception cref="NotABlockDeviceException">There is no such block device in sysfs.</exception>
    /// <exception cref="BlockDeviceInUseException">The device is in use.</exception>
    /// <exception cref="BlockDeviceSafetyException">Whether it is in use cannot be told: <c>/proc/self/mountinfo</c> or
    /// <c>/proc/swaps</c> is missing, unreadable or not a regular file.</exception>
    /// <exception cref="ArgumentException"><paramref name="kernelName"/> is null or empty.</exception>
    public BlockDeviceUsage EnsureKernelDevice(string kernelName) => ThrowIfInUse(InspectKernelDevice(kernelName));

    /// <summary>Inspects a device path without refusing: resolves links, checks it is a block device, finds its partitions and
    /// holders and their mounts and swap entries.</summary>
    /// <param name="path">A device path on the probed system.</param>
    /// <returns>What was found; <see cref="BlockDeviceUsage.IsInUse"/> tells whether it is safe.</returns>
    /// <exception cref="NotABlockDeviceException">The path is missing or not a block device.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public BlockDeviceUsage Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var absolute = Path.IsPathRooted(path) ? path : Path.GetFullPath(path);
        var real = host.Map(absolute);
        var status = UnixFileStatus.TryGet(real, out var problem);
        if (status is null)
        {
            var link = TryLinkTarget(real);
            throw problem == "missing"
                ? new NotABlockDeviceException(path, false, link is null
                    ? $"'{path}' does not exist."
                    : $"'{path}' is a symbolic link to '{link}', which does not exist.")
                : new NotABlockDeviceException(path, true, $"'{path}' cannot be examined: {problem}.");
        }

        var resolved = host.Unmap(ResolveLinks(real));
        if (status.Kind != UnixFileKind.BlockDevice)
        {
            var kind = status.Kind switch
            {
                UnixFileKind.Regular => "a regular file",
                UnixFileKind.Directory => "a directory",
                UnixFileKind.CharacterDevice => "a character device",
                UnixFileKind.Fifo => "a FIFO",
                UnixFileKind.Socket => "a socket",
                _ => "not a block device",
            };
            var shown = resolved == path ? $"'{path}'" : $"'{path}' (→ '{resolved}')";
            throw new NotABlockDeviceException(path, true, $"{shown} is {kind}, not a block device: only a disk or partition can be handed to a guest as a LUN or block disk.");
        }

        var name = KernelNameOf(status.DeviceNumber) ?? Path.GetFileName(resolved);
        return InspectCore(path, resolved, name);
    }

    /// <summary>Inspects a device given by its kernel name (as in <c>/sys/class/block</c>), without looking at <c>/dev</c>.</summary>
    /// <param name="kernelName">The kernel name, e.g. <c>sdb</c>, <c>loop0</c>, <c>nvme0n1</c>.</param>
    /// <returns>What was found.</returns>
    /// <exception cref="NotABlockDeviceException">There is no <c>/sys/class/block/&lt;kernelName&gt;</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="kernelName"/> is null or empty.</exception>
    public BlockDeviceUsage InspectKernelDevice(string kernelName)
    {
        ArgumentException.ThrowIfNullOrEmpty(kernelName);
        if (!Directory.Exists(host.Map($"{ClassBlock}/{kernelName}")))
        {
            throw new NotABlockDeviceException(kernelName, false, $"There is no block device '{kernelName}' ({ClassBlock}/{kernelName} does not exist).");
        }

        return InspectCore("/dev/" + kernelName, "/dev/" + kernelName, kernelName);
    }

    private static BlockDeviceUsage ThrowIfInUse(BlockDeviceUsage usage)
    {
        if (usage.IsInUse)
        {
            throw new BlockDeviceInUseException(usage);
        }

        // Fail closed: a mount table that cannot be read (a FIFO, no permission) proves nothing about the device being unused.
        return usage.UnreadableFiles.Count > 0
            ? throw new BlockDeviceSafetyException(usage.Path,
                $"Cannot tell whether '{usage.Path}' is in use: {string.Join("; ", usage.UnreadableFiles)}.")
            : usage;
    }

    private BlockDeviceUsage InspectCore(string path, string resolved, string name)
    {
        var partitions = Partitions(name);
        var holders = new List<string>();
        var queue = new Queue<string>([name, .. partitions]);
        var seen = new HashSet<string>([name, .. partitions], StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            foreach (var holder in host.List($"{ClassBlock}/{queue.Dequeue()}/holders", out _) ?? [])
            {
                if (seen.Add(holder))
                {
                    holders.Add(holder);
                    queue.Enqueue(holder);
                }
            }
        }

        var related = new List<(string Name, string Relation)> { (name, "itself") };
        related.AddRange(partitions.Select(p => (p, "partition")));
        related.AddRange(holders.Select(h => (h, "holder")));
        var unreadable = new List<string>();
        var uses = FindUses(related, unreadable);
        return new BlockDeviceUsage
        {
            Path = path,
            ResolvedPath = resolved,
            KernelName = name,
            DeviceNumber = DeviceNumberOf(name),
            Partitions = partitions,
            Holders = holders,
            Uses = uses,
            UnreadableFiles = unreadable,
        };
    }

    private List<string> Partitions(string name)
    {
        var partitions = new List<string>();
        foreach (var entry in host.List($"{ClassBlock}/{name}", out _) ?? [])
        {
            if (File.Exists(host.Map($"{ClassBlock}/{name}/{entry}/partition")))
            {
                partitions.Add(entry);
            }
        }

        return partitions;
    }

    private List<BlockDeviceUse> FindUses(List<(string Name, string Relation)> related, List<string> unreadable)
    {
        var byNumber = new Dictionary<string, (string Name, string Relation)>(StringComparer.Ordinal);
        var byPath = new Dictionary<string, (string Name, string Relation)>(StringComparer.Ordinal);
        foreach (var device in related)
        {
            if (DeviceNumberOf(device.Name) is { } number)
            {
                byNumber.TryAdd(number, device);
            }

            byPath.TryAdd("/dev/" + device.Name, device);
            var mapperName = host.Read($"{ClassBlock}/{device.Name}/dm/name").Text?.Trim();
            if (!string.IsNullOrEmpty(mapperName))
            {
                byPath.TryAdd("/dev/mapper/" + mapperName, device);
            }
        }

        var uses = new List<BlockDeviceUse>();
        var mountInfo = ReadOrNote(MountTable.MountInfoPath, unreadable, missingIsProblem: true);
        foreach (var mount in MountTable.ParseMountInfo(mountInfo))
        {
            if (byNumber.TryGetValue(mount.DeviceNumber, out var device) || byPath.TryGetValue(CanonicalDevicePath(mount.Source), out device))
            {
                uses.Add(new BlockDeviceUse { Device = device.Name, Relation = device.Relation, Kind = BlockDeviceUseKind.Mount, Location = mount.MountPoint, Evidence = mount.Line });
            }
        }

        var swaps = ReadOrNote(MountTable.SwapsPath, unreadable, missingIsProblem: false);
        foreach (var swap in MountTable.ParseSwaps(swaps))
        {
            if (byPath.TryGetValue(CanonicalDevicePath(swap.FileName), out var device))
            {
                uses.Add(new BlockDeviceUse { Device = device.Name, Relation = device.Relation, Kind = BlockDeviceUseKind.Swap, Location = swap.FileName, Evidence = swap.Line });
            }
        }

        return uses;
    }

    /// <summary>The text of a file, or empty with a note when it exists but cannot be read (a FIFO is never opened).</summary>
    private string ReadOrNote(string absolutePath, List<string> unreadable, bool missingIsProblem)
    {
        var read = host.Read(absolutePath);
        if (read.Text is null && (missingIsProblem || read.Problem != "missing"))
        {
            unreadable.Add($"{absolutePath} is {read.Problem}");
        }

        return read.Text ?? string.Empty;
    }

    private string CanonicalDevicePath(string path)
    {
        if (!path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/dev/mapper/", StringComparison.Ordinal))
        {
            return path;
        }

        return host.Unmap(ResolveLinks(host.Map(path)));
    }

    private string? DeviceNumberOf(string name) => host.Read($"{ClassBlock}/{name}/dev").Text?.Trim() is { Length: > 0 } number ? number : null;

    private string? KernelNameOf(string deviceNumber)
    {
        var link = TryLinkTarget(host.Map("/sys/dev/block/" + deviceNumber));
        if (link is not null)
        {
            return Path.GetFileName(link.TrimEnd('/'));
        }

        foreach (var name in host.List(ClassBlock, out _) ?? [])
        {
            if (DeviceNumberOf(name) == deviceNumber)
            {
                return name;
            }
        }

        return null;
    }

    private static string ResolveLinks(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path;
        }
    }

    private static string? TryLinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
