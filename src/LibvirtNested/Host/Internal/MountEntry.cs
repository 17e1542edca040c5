namespace LibvirtNested.Host.Internal;

/// <summary>One line of <c>/proc/self/mountinfo</c> (proc(5)): <c>id parent major:minor root mount-point options [optional…] -
/// fstype source super-options</c>.</summary>
internal sealed record MountEntry(string DeviceNumber, string MountPoint, string FileSystemType, string Source, string Line);
