using LibvirtNested.Host.Internal;

namespace LibvirtNested.Tests.Host;

/// <summary>Git cannot store a character device, and opening a real one needs a loaded KVM module: in the fixture trees an
/// empty regular file at <c>dev/kvm</c> stands in for the device. This device access reports such a file as KVM's character
/// device 10:232 that opens; anything else (missing) it reports as the kernel does.</summary>
internal sealed class StandInKvmDevice : IDeviceAccess
{
    public static StandInKvmDevice Instance { get; } = new();

    private static readonly UnixFileStatus Kvm = new(UnixFileKind.CharacterDevice, 0x1B0, 0, 0, 10, 232);

    public UnixFileStatus? Stat(string realPath, out string? problem)
    {
        var status = UnixFileStatus.TryGet(realPath, out problem);
        return status?.Kind == UnixFileKind.Regular ? Kvm : status;
    }

    public string? LinkTarget(string realPath) => SystemDeviceAccess.Instance.LinkTarget(realPath);

    public UnixFileStatus? OpenReadWrite(string realPath, out string? problem)
    {
        problem = null;
        return Kvm;
    }
}
