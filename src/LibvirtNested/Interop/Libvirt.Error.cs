using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary><c>virError</c> from virterror.h; the deprecated object pointers are kept only for layout.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirError
{
    public int Code;
    public int Domain;
    public nint Message;
    public int Level;
    public nint Conn;
    public nint Dom;
    public nint Str1;
    public nint Str2;
    public nint Str3;
    public int Int1;
    public int Int2;
    public nint Net;
}

/// <content>virterror.h: the library's own error API.</content>
internal static unsafe partial class Libvirt
{
    [LibraryImport(LibraryName)]
    internal static partial int virInitialize();

    [LibraryImport(LibraryName)]
    internal static partial void virSetErrorFunc(void* userData, delegate* unmanaged<void*, VirError*, void> handler);

    /// <summary>A connection's own error handler: replaces the process-wide one for errors dispatched on that connection.</summary>
    [LibraryImport(LibraryName)]
    internal static partial void virConnSetErrorFunc(ConnectHandle conn, void* userData, delegate* unmanaged<void*, VirError*, void> handler);

    [LibraryImport(LibraryName)]
    internal static partial VirError* virGetLastError();

    [LibraryImport(LibraryName)]
    internal static partial void virResetLastError();
}
