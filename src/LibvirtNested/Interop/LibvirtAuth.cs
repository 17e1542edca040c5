using System.Runtime.InteropServices;
using System.Text;

namespace LibvirtNested.Interop;

/// <summary><c>virConnectOpenAuth</c> with a managed credential callback.</summary>
internal static unsafe class LibvirtAuth
{
    private static readonly int[] CredentialTypes =
    [
        Libvirt.VIR_CRED_USERNAME, Libvirt.VIR_CRED_AUTHNAME, Libvirt.VIR_CRED_LANGUAGE, Libvirt.VIR_CRED_CNONCE,
        Libvirt.VIR_CRED_PASSPHRASE, Libvirt.VIR_CRED_ECHOPROMPT, Libvirt.VIR_CRED_NOECHOPROMPT, Libvirt.VIR_CRED_REALM,
        Libvirt.VIR_CRED_EXTERNAL,
    ];

    internal static ConnectHandle Open(string uri, LibvirtCredentialCallback callback, uint flags)
    {
        var state = new CallbackState(callback);
        var stateHandle = GCHandle.Alloc(state);
        try
        {
            fixed (int* types = CredentialTypes)
            {
                var auth = new VirConnectAuth
                {
                    CredType = types,
                    NCredType = (uint)CredentialTypes.Length,
                    Callback = &Callback,
                    CallbackData = (void*)GCHandle.ToIntPtr(stateHandle),
                };
                var call = LibvirtCall.BeginOpen(nameof(Libvirt.virConnectOpenAuth));
                var connection = Libvirt.virConnectOpenAuth(uri, &auth, flags);
                if (connection.IsInvalid)
                {
                    var error = call.Fail(opening: true);
                    connection.Dispose();
                    if (state.Exception is ArgumentException refused && refused.ParamName == nameof(LibvirtCredential.Result))
                    {
                        // An answer libvirt would have cut at a NUL: refused like every other string argument.
                        throw refused;
                    }

                    if (state.Exception is not null)
                    {
                        throw new LibvirtAuthenticationException("The credential callback threw.", state.Exception);
                    }

                    throw error;
                }

                call.Succeeded();
                return connection;
            }
        }
        finally
        {
            stateHandle.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static int Callback(VirConnectCredential* credentials, uint count, void* data) =>
        Answer((CallbackState)GCHandle.FromIntPtr((nint)data).Target!, credentials, count);

    /// <summary>
    /// Shows libvirt's prompts to the managed callback and writes the answers back as malloc'ed strings (libvirt
    /// frees each result with <c>free</c>). Returns -1 to cancel; an exception is kept for the caller to rethrow,
    /// because it must not cross the native frame.
    /// </summary>
    internal static int Answer(CallbackState state, VirConnectCredential* credentials, uint count)
    {
        try
        {
            var managed = new LibvirtCredential[count];
            for (var i = 0; i < count; i++)
            {
                managed[i] = new LibvirtCredential(
                    (LibvirtCredentialType)credentials[i].Type,
                    Libvirt.CopyString(credentials[i].Prompt),
                    Libvirt.CopyString(credentials[i].Challenge),
                    Libvirt.CopyString(credentials[i].DefResult));
            }

            if (!state.Callback(managed))
            {
                return -1;
            }

            for (var i = 0; i < count; i++)
            {
                CheckedUtf8StringMarshaller.EnsureNoNul(managed[i].Result, nameof(LibvirtCredential.Result));
            }

            for (var i = 0; i < count; i++)
            {
                var bytes = Encoding.UTF8.GetBytes(managed[i].Result ?? string.Empty);
                var result = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
                bytes.CopyTo(new Span<byte>(result, bytes.Length));
                result[bytes.Length] = 0;
                credentials[i].Result = (nint)result;
                credentials[i].ResultLen = (uint)bytes.Length;
            }

            return 0;
        }
#pragma warning disable CA1031 // An exception must not cross the native callback boundary; it is rethrown after the call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            state.Exception = exception;
            return -1;
        }
    }

    /// <summary>The managed callback and any exception it threw during one open.</summary>
    internal sealed class CallbackState(LibvirtCredentialCallback callback)
    {
        public LibvirtCredentialCallback Callback { get; } = callback;

        public Exception? Exception { get; set; }
    }
}
