namespace LibvirtNested.Host;

/// <summary>Thrown by <see cref="BlockDeviceSafety"/> when the block device, one of its partitions or one of its holders is
/// mounted on this machine or used as swap. The message names every mount point and swap entry.</summary>
public sealed class BlockDeviceInUseException : BlockDeviceSafetyException
{
    /// <summary>Creates the exception.</summary>
    public BlockDeviceInUseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public BlockDeviceInUseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BlockDeviceInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an inspection that found uses.</summary>
    /// <param name="usage">The inspection result; its <see cref="BlockDeviceUsage.Uses"/> must not be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="usage"/> is null.</exception>
    public BlockDeviceInUseException(BlockDeviceUsage usage)
        : base(usage?.Path ?? throw new ArgumentNullException(nameof(usage)), Describe(usage))
    {
        Usage = usage;
    }

    /// <summary>The inspection that found the device in use, or null when built from a message only.</summary>
    public BlockDeviceUsage? Usage { get; }

    /// <summary>The mounts and swap entries found.</summary>
    public IReadOnlyList<BlockDeviceUse> Uses => Usage?.Uses ?? [];

    private static string Describe(BlockDeviceUsage usage)
    {
        var target = usage.ResolvedPath == usage.Path ? usage.Path : $"{usage.Path} ({usage.ResolvedPath})";
        return $"Refusing to hand {target} to a guest: {string.Join("; ", usage.Uses)}. "
            + "A partition mounted on this machine and inside a guest at the same time gets corrupted: unmount it (and swapoff) first.";
    }
}
