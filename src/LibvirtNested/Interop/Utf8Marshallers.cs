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
