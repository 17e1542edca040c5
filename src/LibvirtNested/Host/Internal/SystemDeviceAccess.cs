using LibvirtNested.Interop;

namespace LibvirtNested.Host.Internal;

/// <summary>The kernel's answers: <c>statx</c>, <c>readlink</c> and <c>open(O_RDWR|O_NONBLOCK)</c> then fstat.</summary>
internal sealed class SystemDeviceAccess : IDeviceAccess
{
    public static SystemDeviceAccess Instance { get; } = new();

    public UnixFileStatus? Stat(string realPath, out string? problem) => UnixFileStatus.TryGet(realPath, out problem);

    public string? LinkTarget(string realPath)
    {
        try
        {
            return new FileInfo(realPath).LinkTarget;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public UnixFileStatus? OpenReadWrite(string realPath, out string? problem)
    {
        try
        {
            using var handle = Libc.OpenNonBlocking(realPath, readWrite: true, out var errno);
            if (handle.IsInvalid)
            {
                problem = Libc.Describe(errno);
                return null;
            }

            return UnixFileStatus.TryGet(handle, out problem);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            problem = "the C library cannot be called: " + exception.Message;
            return null;
        }
    }
}
