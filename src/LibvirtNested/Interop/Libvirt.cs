using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LibvirtNested.Interop;

/// <summary>
/// Raw imports from libvirt.so.0, one partial file per libvirt module, C names kept. Callers go through the
/// checked wrappers (<see cref="LibvirtError"/>); nothing here is public.
/// </summary>
internal static unsafe partial class Libvirt
{
    /// <summary>
    /// The soname Debian's <c>libvirt0</c> ships; the unversioned <c>libvirt.so</c> only exists with
    /// <c>libvirt-dev</c>, so importing "libvirt" would fail on a runtime-only machine.
    /// </summary>
    internal const string LibraryName = "libvirt.so.0";

    private static readonly Lock InitializeLock = new();
    private static volatile bool initialized;

    /// <summary>
    /// Registers the resolver when the assembly loads. Registering loads nothing: a process that only uses
    /// <c>LibvirtNested.Host</c> never touches libvirt.so.0.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "One DllImportResolver per assembly must be registered before any import runs; it does not load libvirt.")]
    internal static void RegisterResolver() =>
        NativeLibrary.SetDllImportResolver(typeof(Libvirt).Assembly, Resolve);

    /// <summary>
    /// Loads libvirt.so.0, initializes it and replaces its stderr error printer, once per process. Called
    /// before the first libvirt call of every public entry point (connections are the only entry point).
    /// </summary>
    /// <exception cref="LibvirtNotInstalledException">libvirt.so.0 cannot be loaded.</exception>
    internal static void EnsureInitialized()
    {
        if (initialized)
        {
            return;
        }

        lock (InitializeLock)
        {
            if (initialized)
            {
                return;
            }

            Load(LibraryName);

            // libvirt reads LIBVIRT_LOG_OUTPUTS once, in virInitialize: its log output goes to the library, not stderr.
            var logRedirected = LibvirtLogCapture.BeforeInitialize();
            var initializedOk = virInitialize() >= 0;
            LibvirtLogCapture.AfterInitialize(logRedirected);
            if (!initializedOk)
            {
                throw new LibvirtNotInstalledException(LibraryName, "virInitialize failed.");
            }

            InstallSilentErrorHandler();
            initialized = true;
        }
    }

    /// <summary>Loads <paramref name="library"/> or explains which package to install.</summary>
    /// <exception cref="LibvirtNotInstalledException">The library cannot be loaded.</exception>
    internal static void Load(string library)
    {
        if (TryLoad(library, typeof(Libvirt).Assembly, null) == 0)
        {
            throw new LibvirtNotInstalledException(library);
        }
    }

    /// <summary>Replaces libvirt's stderr printer with <see cref="IgnoreError"/> (process-wide).</summary>
    internal static void InstallSilentErrorHandler() => virSetErrorFunc(null, &IgnoreError);

    /// <summary>True once <see cref="EnsureInitialized"/> installed the silent error handler.</summary>
    internal static bool IsErrorHandlerInstalled => initialized;

    /// <summary>
    /// libvirt's default handler prints every error to stderr; a library must not write to its host's
    /// stderr. Errors are still recorded per thread and read by <see cref="LibvirtError"/>.
    /// </summary>
    [UnmanagedCallersOnly]
    private static void IgnoreError(void* userData, VirError* error)
    {
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibraryName ? TryLoad(libraryName, assembly, searchPath) : 0;

    private static nint TryLoad(string library, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (NativeLibrary.TryLoad(library, assembly, searchPath, out var handle))
        {
            return handle;
        }

        // A development machine may only have the unversioned name on a non-standard path.
        return library == LibraryName && NativeLibrary.TryLoad("libvirt.so", assembly, searchPath, out handle) ? handle : 0;
    }

    /// <summary>Copies a string libvirt still owns (a <c>const char*</c> result or struct field).</summary>
    internal static string? CopyString(nint native) => native == 0 ? null : Marshal.PtrToStringUTF8(native);

    /// <summary>Frees an array libvirt allocated for the caller (the element objects are freed separately).</summary>
    internal static void FreeArray(void* array) => NativeMemory.Free(array);
}
