using System.Runtime.InteropServices;
using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Interop;

public unsafe class LibvirtAuthTests
{
    [Test]
    public void Answers_are_written_back_as_c_strings_with_their_length()
    {
        var prompts = new List<LibvirtCredential>();
        var state = new LibvirtAuth.CallbackState(credentials =>
        {
            prompts.AddRange(credentials);
            credentials[0].Result = "alice";
            credentials[1].Result = "pässword";
            return true;
        });
        var credentials = stackalloc VirConnectCredential[3];
        credentials[0] = Credential(2, "Please enter your authentication name", null, "root");
        credentials[1] = Credential(5, "Please enter your password", "challenge", null);
        credentials[2] = Credential(8, "Realm", null, null);

        try
        {
            Assert.That(LibvirtAuth.Answer(state, credentials, 3), Is.Zero);

            Assert.That(prompts.Select(p => p.Type), Is.EqualTo(new[] { LibvirtCredentialType.AuthName, LibvirtCredentialType.Passphrase, LibvirtCredentialType.Realm }));
            Assert.That(prompts[0].Prompt, Is.EqualTo("Please enter your authentication name"));
            Assert.That(prompts[0].DefaultResult, Is.EqualTo("root"));
            Assert.That(prompts[1].Challenge, Is.EqualTo("challenge"));
            Assert.That(Marshal.PtrToStringUTF8(credentials[0].Result), Is.EqualTo("alice"));
            Assert.That(credentials[0].ResultLen, Is.EqualTo(5));
            Assert.That(Marshal.PtrToStringUTF8(credentials[1].Result), Is.EqualTo("pässword"));
            Assert.That(credentials[1].ResultLen, Is.EqualTo(9), "UTF-8 bytes");
            Assert.That(Marshal.PtrToStringUTF8(credentials[2].Result), Is.Empty);
        }
        finally
        {
            Free(credentials, 3);
        }
    }

    [Test]
    public void Returning_false_cancels()
    {
        var state = new LibvirtAuth.CallbackState(_ => false);
        var credential = Credential(2, "name", null, null);

        Assert.That(LibvirtAuth.Answer(state, &credential, 1), Is.EqualTo(-1));
        Assert.That(credential.Result, Is.EqualTo(nint.Zero));
        Free(&credential, 1);
    }

    [Test]
    public void A_throwing_callback_cancels_and_keeps_the_exception()
    {
        var state = new LibvirtAuth.CallbackState(_ => throw new InvalidOperationException("no terminal"));
        var credential = Credential(5, "password", null, null);

        Assert.That(LibvirtAuth.Answer(state, &credential, 1), Is.EqualTo(-1));
        Assert.That(state.Exception, Is.TypeOf<InvalidOperationException>());
        Free(&credential, 1);
    }

    private static VirConnectCredential Credential(int type, string? prompt, string? challenge, string? defaultResult) => new()
    {
        Type = type,
        Prompt = prompt is null ? 0 : Marshal.StringToCoTaskMemUTF8(prompt),
        Challenge = challenge is null ? 0 : Marshal.StringToCoTaskMemUTF8(challenge),
        DefResult = defaultResult is null ? 0 : Marshal.StringToCoTaskMemUTF8(defaultResult),
    };

    private static void Free(VirConnectCredential* credentials, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Marshal.FreeCoTaskMem(credentials[i].Prompt);
            Marshal.FreeCoTaskMem(credentials[i].Challenge);
            Marshal.FreeCoTaskMem(credentials[i].DefResult);
            NativeMemory.Free((void*)credentials[i].Result);
        }
    }
}
