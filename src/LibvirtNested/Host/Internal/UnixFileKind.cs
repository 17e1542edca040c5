namespace LibvirtNested.Host.Internal;

/// <summary>The file type bits of <c>st_mode</c>.</summary>
internal enum UnixFileKind
{
    Other = 0,
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    SymbolicLink,
    Fifo,
    Socket,
}
