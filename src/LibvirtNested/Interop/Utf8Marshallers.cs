using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace LibvirtNested.Interop;

/// <summary>
/// A <c>char*</c> result the caller must free (<c>virDomainGetXMLDesc</c>, <c>virConnectGetURI</c>, …): copied,
/// then released with C <c>free</c>. The marshaller runs right after the call and calls no libvirt function, so
/// the thread's libvirt error is still intact when a NULL result is checked.
/// </summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedOut, typeof(OwnedUtf8StringMarshaller))]
internal static unsafe class OwnedUtf8StringMarshaller
{
    public static string? ConvertToManaged(byte* unmanaged) => Utf8StringMarshaller.ConvertToManaged(unmanaged);

    public static void Free(byte* unmanaged) => NativeMemory.Free(unmanaged);
}

/// <summary>A <c>const char*</c> result libvirt keeps owning (<c>virDomainGetName</c>, …): copied, never freed.</summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedOut, typeof(ConstUtf8StringMarshaller))]
internal static unsafe class ConstUtf8StringMarshaller
{
    public static string? ConvertToManaged(byte* unmanaged) => Utf8StringMarshaller.ConvertToManaged(unmanaged);
}

/// <summary>
/// The marshaller of every <c>const char*</c> argument: UTF-8, on the stack for short strings. C strings end at
/// the first NUL, so a .NET string containing U+0000 would reach libvirt cut short (<c>"test\0x"</c> would name the
/// domain <c>test</c>); this refuses such a string before the call, in the one place every import goes through.
/// </summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedIn, typeof(ManagedToUnmanagedIn))]
internal static unsafe class CheckedUtf8StringMarshaller
{
    /// <summary>Throws when <paramref name="value"/> contains U+0000.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains a NUL character.</exception>
    internal static void EnsureNoNul(string? value, string? parameterName = null)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The string contains a NUL character (U+0000) at index {value.IndexOf('\0', StringComparison.Ordinal)}; libvirt's C API would silently cut it there.",
                parameterName);
        }
    }

    /// <summary>Converts one argument; the generated stub provides a 256-byte stack buffer.</summary>
    public ref struct ManagedToUnmanagedIn
    {
        private byte* native;
        private bool allocated;

        /// <summary>The size of the stack buffer the stub allocates.</summary>
        public static int BufferSize => 0x100;

        /// <summary>Encodes <paramref name="managed"/> into <paramref name="buffer"/>, or into native memory when it does not fit.</summary>
        /// <exception cref="ArgumentException"><paramref name="managed"/> contains a NUL character.</exception>
        public void FromManaged(string? managed, Span<byte> buffer)
        {
            if (managed is null)
            {
                native = null;
                return;
            }

            EnsureNoNul(managed);

            // Three bytes per UTF-16 unit is the most UTF-8 needs (a surrogate pair: 4 bytes for 2 units).
            if ((3L * managed.Length) + 1 > buffer.Length)
            {
                var exact = checked(System.Text.Encoding.UTF8.GetByteCount(managed) + 1);
                if (exact > buffer.Length)
                {
                    buffer = new Span<byte>(NativeMemory.Alloc((nuint)exact), exact);
                    allocated = true;
                }
            }

            native = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffer));
            var count = System.Text.Encoding.UTF8.GetBytes(managed, buffer);
            buffer[count] = 0;
        }

        /// <summary>The pointer passed to libvirt.</summary>
        /// <returns>The NUL-terminated UTF-8 text, or null.</returns>
        public readonly byte* ToUnmanaged() => native;

        /// <summary>Frees native memory taken for a long string.</summary>
        public readonly void Free()
        {
            if (allocated)
            {
                NativeMemory.Free(native);
            }
        }
    }
}
